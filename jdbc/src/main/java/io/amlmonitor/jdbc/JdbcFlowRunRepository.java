package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.flow.Checkpoint;
import io.amlmonitor.core.flow.FlowName;
import io.amlmonitor.core.flow.FlowRun;
import io.amlmonitor.core.flow.FlowRunRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flow runs in the {@code flow_runs} table. */
public final class JdbcFlowRunRepository implements FlowRunRepository {
  private static final String COLUMNS =
      "run_id, flow, status, range_from, range_until, started_at, checkpoint_time, checkpoint_id,"
          + " processed";

  private final Sql sql;

  JdbcFlowRunRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void start(FlowRun run, String parameters) {
    sql.run(
        "recording the start of flow run " + run.runId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO flow_runs (run_id, flow, status, parameters, range_from,"
                      + " range_until, started_at, updated_at, checkpoint_time, checkpoint_id,"
                      + " processed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, run.runId());
            ps.setString(2, run.flow().label());
            ps.setString(3, run.status().name());
            ps.setString(4, parameters);
            Sql.setInstant(ps, 5, run.range().from());
            Sql.setInstant(ps, 6, run.range().until());
            Sql.setInstant(ps, 7, run.startedAt());
            Sql.setInstant(ps, 8, run.startedAt());
            Checkpoint cp = run.checkpoint();
            Sql.setInstant(ps, 9, cp == null ? null : cp.eventTime());
            Sql.setText(ps, 10, cp == null ? null : cp.transactionId().value());
            ps.setLong(11, run.processed());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<FlowRun> unfinished(FlowName flow, TimeRange range) {
    return sql.run(
        "finding an unfinished " + flow.label() + " run over " + range,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM flow_runs WHERE flow = ? AND range_from = ? AND range_until = ?"
                      + " AND status <> 'COMPLETED' ORDER BY started_at DESC, run_id LIMIT 1")) {
            ps.setString(1, flow.label());
            Sql.setInstant(ps, 2, range.from());
            Sql.setInstant(ps, 3, range.until());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void resume(String runId, Instant at) {
    update(
        "resuming flow run " + runId,
        "UPDATE flow_runs SET status = 'RUNNING', finished_at = NULL, updated_at = ?"
            + " WHERE run_id = ?",
        at,
        runId);
  }

  @Override
  public void checkpoint(String runId, Checkpoint checkpoint, long processed, Instant at) {
    sql.run(
        "storing the checkpoint of flow run " + runId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE flow_runs SET checkpoint_time = ?, checkpoint_id = ?, processed = ?,"
                      + " updated_at = ? WHERE run_id = ?")) {
            Sql.setInstant(ps, 1, checkpoint.eventTime());
            ps.setString(2, checkpoint.transactionId().value());
            ps.setLong(3, processed);
            Sql.setInstant(ps, 4, at);
            ps.setString(5, runId);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void finish(
      String runId, FlowRun.Status status, long processed, String summary, Instant at) {
    sql.run(
        "recording the end of flow run " + runId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE flow_runs SET status = ?, processed = ?, summary = ?, updated_at = ?,"
                      + " finished_at = ? WHERE run_id = ?")) {
            ps.setString(1, status.name());
            ps.setLong(2, processed);
            ps.setString(3, summary);
            Sql.setInstant(ps, 4, at);
            Sql.setInstant(ps, 5, at);
            ps.setString(6, runId);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<FlowRun> find(String runId) {
    return sql.run(
        "finding flow run " + runId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM flow_runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public List<FlowRun> recent(int limit) {
    return sql.run(
        "listing flow runs",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM flow_runs ORDER BY started_at DESC, run_id LIMIT ?")) {
            ps.setInt(1, limit);
            List<FlowRun> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
            return out;
          }
        });
  }

  private void update(String operation, String statement, Instant at, String runId) {
    sql.run(
        operation,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, runId);
            return ps.executeUpdate();
          }
        });
  }

  private static FlowRun read(ResultSet rs) throws SQLException {
    Instant cpTime = Sql.instant(rs, "checkpoint_time");
    String cpId = rs.getString("checkpoint_id");
    return new FlowRun(
        rs.getString("run_id"),
        FlowName.parse(rs.getString("flow")),
        FlowRun.Status.valueOf(rs.getString("status")),
        new TimeRange(Sql.instant(rs, "range_from"), Sql.instant(rs, "range_until")),
        Sql.instant(rs, "started_at"),
        cpTime == null ? null : new Checkpoint(cpTime, TransactionId.of(cpId)),
        rs.getLong("processed"));
  }
}
