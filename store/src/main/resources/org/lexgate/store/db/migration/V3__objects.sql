-- ETSI TS 103 120 objects (Authorisation, LDTask, LPTask, Document, Notification, Delivery):
-- the current version's XML plus the fields GET and LIST need. The clob placeholder is CHARACTER LARGE OBJECT on H2, TEXT on PostgreSQL.
CREATE TABLE hi1_object (
    object_id      UUID                        NOT NULL PRIMARY KEY,
    object_type    VARCHAR(32)                 NOT NULL,
    case_ref       VARCHAR(256),
    owner_id       VARCHAR(256)                NOT NULL,
    country_code   CHAR(2)                     NOT NULL,
    external_id    VARCHAR(1024),
    generation     INTEGER                     NOT NULL,
    last_changed   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    desired_status VARCHAR(64),
    status         VARCHAR(64),
    xml            ${clob}                     NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX hi1_object_case_ref ON hi1_object (case_ref);
CREATE INDEX hi1_object_list ON hi1_object (last_changed, object_id);
