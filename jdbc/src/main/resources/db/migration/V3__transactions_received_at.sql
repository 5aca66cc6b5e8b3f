-- When the system of record received each transaction (the database's clock at insert): a
-- restarted stream worker or API instance whose feature state lives outside the process (Redis)
-- replays only what arrived since that state was last known to be complete.
ALTER TABLE transactions ADD COLUMN received_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX transactions_received_at ON transactions (received_at);
