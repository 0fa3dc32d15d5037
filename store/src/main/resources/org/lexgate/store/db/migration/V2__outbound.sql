-- Delivery state of every outbound message (the bytes are in message, direction OUT).
-- (destination, sender, TransactionIdentifier) is recorded once: re-running role processing
-- after a crash finds the existing row instead of sending twice.
CREATE TABLE outbound (
    message_id       UUID                        NOT NULL PRIMARY KEY REFERENCES message (id),
    destination_id   VARCHAR(256)                NOT NULL,
    sender_id        VARCHAR(256)                NOT NULL,
    transaction_id   VARCHAR(64)                 NOT NULL,
    lane             VARCHAR(16)                 NOT NULL CHECK (lane IN ('EMERGENCY', 'ROUTINE')),
    state            VARCHAR(16)                 NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD_LETTERED')),
    attempts         INTEGER                     NOT NULL,
    last_error       VARCHAR(2000),
    last_attempt_at  TIMESTAMP(6) WITH TIME ZONE,
    delivered_at     TIMESTAMP(6) WITH TIME ZONE,
    dead_reason      VARCHAR(2000),
    dead_code        INTEGER,
    dead_lettered_at TIMESTAMP(6) WITH TIME ZONE,
    resend_count     INTEGER                     NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT outbound_once UNIQUE (destination_id, sender_id, transaction_id)
);
CREATE INDEX outbound_state ON outbound (state, lane, updated_at);
