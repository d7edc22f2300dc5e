-- Readers read up to log_durable (see the PostgreSQL script of the same name). SQLite commits synchronously, so
-- everything committed is durable and the durable head is the head itself.
CREATE VIEW log_durable AS SELECT id, position, hash, recorded_us FROM log_head;
