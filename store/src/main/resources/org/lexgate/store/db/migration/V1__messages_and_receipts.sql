-- Runs unchanged on H2 and PostgreSQL. The blob placeholder is BINARY LARGE OBJECT on H2 and BYTEA on PostgreSQL (set by Store).

-- Every message the node received (IN) or sent (OUT): the exact signed bytes it verified or signed.
CREATE TABLE message (
    id             UUID                        NOT NULL PRIMARY KEY,
    direction      VARCHAR(3)                  NOT NULL CHECK (direction IN ('IN', 'OUT')),
    sender_id      VARCHAR(256)                NOT NULL,
    receiver_id    VARCHAR(256)                NOT NULL,
    transaction_id VARCHAR(64)                 NOT NULL,
    signed_bytes   ${blob}                     NOT NULL,
    sha256         CHAR(64)                    NOT NULL,
    signer_subject VARCHAR(1024)               NOT NULL,
    signer_serial  VARCHAR(128)                NOT NULL,
    neighbour_id   VARCHAR(256),
    case_ref       VARCHAR(256),
    emergency      BOOLEAN                     NOT NULL,
    recorded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX message_case_ref ON message (case_ref, recorded_at);
CREATE INDEX message_transaction ON message (transaction_id);

-- The business key of every accepted inbound message, kept for the whole retention period:
-- its primary key is what gives a retried or replayed message one effect (DESIGN.md).
CREATE TABLE inbound_key (
    sender_id      VARCHAR(256) NOT NULL,
    transaction_id VARCHAR(64)  NOT NULL,
    message_id     UUID         NOT NULL UNIQUE REFERENCES message (id),
    PRIMARY KEY (sender_id, transaction_id)
);

-- The exact signed receipt of a message: the one we sent back (IN) or the one we got (OUT).
CREATE TABLE receipt (
    message_id     UUID                        NOT NULL PRIMARY KEY REFERENCES message (id),
    signed_bytes   ${blob}                     NOT NULL,
    sha256         CHAR(64)                    NOT NULL,
    signer_subject VARCHAR(1024)               NOT NULL,
    signer_serial  VARCHAR(128)                NOT NULL,
    recorded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
