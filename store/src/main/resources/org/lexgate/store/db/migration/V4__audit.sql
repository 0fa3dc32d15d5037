-- The append-only audit trail (guidelines §25, §52). Each row's row_hash is SHA-256 over the
-- previous row's hash and this row's fields (store/README.md), so an edited or deleted row breaks
-- the chain. audit_head holds the chain's end; appending locks it, which orders all appends.
CREATE TABLE audit_event (
    seq            BIGINT                      NOT NULL PRIMARY KEY,
    recorded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    event_type     VARCHAR(32)                 NOT NULL,
    case_ref       VARCHAR(256),
    party_id       VARCHAR(256),
    transaction_id VARCHAR(64),
    message_id     UUID,
    message_sha256 CHAR(64),
    signer_subject VARCHAR(1024),
    code           INTEGER,
    detail         VARCHAR(4000),
    prev_hash      CHAR(64)                    NOT NULL,
    row_hash       CHAR(64)                    NOT NULL
);
CREATE INDEX audit_event_case_ref ON audit_event (case_ref, seq);

CREATE TABLE audit_head (
    id        INTEGER  NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
