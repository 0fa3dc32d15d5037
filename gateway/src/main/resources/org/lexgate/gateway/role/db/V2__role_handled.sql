-- The accepted messages the roles have handled (gateway org.lexgate.gateway.role.CaseBook.markHandled):
-- written in the same transaction as everything the handling changed, so a message handed to the
-- roles again (after a crash, or a copy on the processing queue) has its effects once.
-- Runs unchanged on H2 and PostgreSQL.
CREATE TABLE role_handled (
    message_id VARCHAR(36)                 NOT NULL PRIMARY KEY,
    handled_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
