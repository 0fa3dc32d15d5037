-- Budapest Convention Art. 29(7): a preservation received through the 24/7 network holds for at
-- least 60 days, waiting for the mutual-legal-assistance request (§37). One clock per case.
CREATE TABLE follow_up_clock (
    case_ref     VARCHAR(256)                NOT NULL PRIMARY KEY,
    requester_id VARCHAR(256)                NOT NULL,
    message_id   UUID,
    started_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deadline     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    warned_at    TIMESTAMP(6) WITH TIME ZONE,
    stopped_at   TIMESTAMP(6) WITH TIME ZONE,
    stop_reason  VARCHAR(32),
    stop_detail  VARCHAR(2000)
);
CREATE INDEX follow_up_clock_deadline ON follow_up_clock (deadline);
