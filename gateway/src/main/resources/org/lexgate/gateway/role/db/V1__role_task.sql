-- The role handlers' record of the tasks a node acts on (gateway org.lexgate.gateway.role.StoreCaseBook):
-- who asked, where answers go back, and for a contact point the foreign task it relays. The
-- two-sided status is also written to the store's hi1_object (GET, LIST, STATUS_CHANGED trail).
-- Runs unchanged on H2 and PostgreSQL; its own Flyway history table: lexgate_role_schema_history.
CREATE TABLE role_task (
    object_id         VARCHAR(36)                 NOT NULL PRIMARY KEY,
    object_type       VARCHAR(16)                 NOT NULL,
    case_ref          VARCHAR(256)                NOT NULL,
    authorisation_id  VARCHAR(36),
    requester         VARCHAR(256)                NOT NULL,
    request_tx        VARCHAR(64),
    reference         VARCHAR(256),
    reply_via         VARCHAR(256),
    emergency         BOOLEAN                     NOT NULL,
    desired_status    VARCHAR(64),
    status            VARCHAR(64),
    preserved_until   TIMESTAMP(6) WITH TIME ZONE,
    relay_mode        VARCHAR(16),
    foreign_requester VARCHAR(256),
    foreign_tx        VARCHAR(64),
    foreign_object_id VARCHAR(36),
    foreign_case_ref  VARCHAR(256),
    previous_hop      VARCHAR(256),
    next_hop          VARCHAR(256),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX role_task_case ON role_task (case_ref);
CREATE INDEX role_task_foreign ON role_task (foreign_object_id);
