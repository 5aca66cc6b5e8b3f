-- The monitoring flows (aml flows): each run with its parameters and checkpoint, the alerts a
-- flow held back as repeats, and the notifications still owed for alerts.

-- One row per run of one flow. checkpoint_* is the last transaction (in event-time order, ties by
-- id) whose decision is stored along with every earlier one of the run: a resumed run scores only
-- what comes after it.
CREATE TABLE flow_runs (
  run_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
  flow              VARCHAR(32)  NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  parameters        VARCHAR      NOT NULL,
  range_from        TIMESTAMP WITH TIME ZONE NOT NULL,
  range_until       TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at       TIMESTAMP WITH TIME ZONE,
  checkpoint_time   TIMESTAMP WITH TIME ZONE,
  checkpoint_id     VARCHAR(128),
  processed         BIGINT       NOT NULL,
  summary           VARCHAR,
  CONSTRAINT flow_runs_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))
);
CREATE INDEX flow_runs_flow ON flow_runs (flow, range_from, range_until, started_at);

-- A decision at or above the alert threshold that raised no alert, because the same customer had
-- an alert for the same pattern (the same rules) shortly before: kept so that a re-run holds it
-- back again and reports can count it.
CREATE TABLE suppressed_alerts (
  transaction_id VARCHAR(128) NOT NULL PRIMARY KEY,
  customer_id    VARCHAR(128) NOT NULL,
  pattern        VARCHAR      NOT NULL,
  suppressed_by  VARCHAR(128) NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX suppressed_alerts_created_at ON suppressed_alerts (created_at);

-- Notifications owed per alert and channel: written with the alert, marked delivered when the
-- receiver acknowledged it, retried with back-off until then.
CREATE TABLE alert_notifications (
  alert_id        VARCHAR(128) NOT NULL,
  channel         VARCHAR(256) NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  attempts        INTEGER      NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_error      VARCHAR,
  delivered_at    TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (alert_id, channel),
  CONSTRAINT alert_notifications_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX alert_notifications_due ON alert_notifications (status, next_attempt_at);

-- A decision keeps its explanation when it mattered (a rule fired, or it reached the alert
-- threshold), frozen as alerts are, so that an alert raised later from it shows the reasons the
-- rules gave when they decided.
ALTER TABLE decisions ADD COLUMN reasons VARCHAR;

-- Suppression looks up the alerts of a period by when their transaction happened.
CREATE INDEX alerts_transaction_time ON alerts (transaction_time);
