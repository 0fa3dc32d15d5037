-- Runs unchanged on H2 and PostgreSQL (blob: BINARY LARGE OBJECT on H2, BYTEA on PostgreSQL).

-- The exact signed bytes of a large message (over MessageStore.PART_BYTES), in order, as parts
-- that are written and committed one by one before the message row: H2 then never writes a whole
-- large message in one commit (which buffers the chunk it writes in memory). A part belongs to a
-- message only once the message's own transaction has set its staged_at to NULL ("linked");
-- a part still staged (staged_at set) whose message never committed — a failure or a crash in
-- between — is an orphan, and is deleted once it is old (MessageStore). Every message row keeps
-- its digest; a message in parts has no signed_bytes of its own and says how many parts it has.
CREATE TABLE message_part (
    message_id UUID                        NOT NULL,
    seq        INTEGER                     NOT NULL CHECK (seq >= 0),
    bytes      ${blob}                     NOT NULL,
    staged_at  TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (message_id, seq)
);
CREATE INDEX message_part_staged ON message_part (staged_at);

ALTER TABLE message ADD COLUMN part_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE message ALTER COLUMN signed_bytes DROP NOT NULL;
ALTER TABLE message ADD CONSTRAINT message_bytes_or_parts
    CHECK ((signed_bytes IS NOT NULL AND part_count = 0) OR (signed_bytes IS NULL AND part_count > 0));
