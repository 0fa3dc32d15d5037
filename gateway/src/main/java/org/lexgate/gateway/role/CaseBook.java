package org.lexgate.gateway.role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.lexgate.gateway.role.TaskRecord.RelayLink;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.LPTaskObject;
import org.lexgate.message.build.Entries;
import org.lexgate.store.AuditEntry;
import org.lexgate.store.AuditEventType;
import org.lexgate.store.Hi1ObjectType;
import org.lexgate.store.ObjectVersion;
import org.lexgate.store.Store;
import org.lexgate.store.StoredObject;
import org.lexgate.trust.directory.PartyId;

/**
 * The role handlers' record of cases and tasks, in the node's store: the role-specific part of a
 * task (who asked, where answers go back, the foreign task a contact point relays) in its own table
 * {@code role_task}, and the ETSI object with its two-sided status in the store's objects (GET,
 * LIST, and a STATUS_CHANGED event in the audit trail for every change). Every write is idempotent:
 * a handler may run twice for the same message after a crash.
 *
 * <p>Each method is one transaction, or part of the caller's: inside {@link #inTransaction} (the
 * role dispatcher runs the handling of one message so), every write of the handling — tasks,
 * objects, clocks, audit events, the mark that the message was handled — commits once, or not at all.
 */
public final class CaseBook {

    private static final String COLUMNS = "object_id, object_type, case_ref, authorisation_id, requester, request_tx,"
            + " reference, reply_via, emergency, desired_status, status, preserved_until, relay_mode, foreign_requester,"
            + " foreign_tx, foreign_object_id, foreign_case_ref, previous_hop, next_hop";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Store store;

    private CaseBook(Store store) {
        this.store = store;
    }

    /** Opens the case book on the node's store, creating its tables on first use. */
    public static CaseBook open(Store store) {
        Flyway.configure()
                .dataSource(store.dataSource())
                .locations("classpath:org/lexgate/gateway/role/db")
                .table("lexgate_role_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .cleanDisabled(true)
                .load()
                .migrate();
        return new CaseBook(store);
    }

    public Store store() {
        return store;
    }

    /** Runs {@code unit} as one transaction of the store ({@link Store#inTransaction}): this book's calls in it join it. */
    public <T> T inTransaction(Store.Unit<T> unit) throws Exception {
        return store.inTransaction(unit);
    }

    /**
     * Marks an accepted message as handled by the roles, as part of the caller's transaction. False
     * when it already was — by a transaction that committed, so everything that handling did is done:
     * a message handed over again (a crash before the queue heard of the commit, or a copy on the
     * processing queue) has its effects once.
     */
    public boolean markHandled(String messageId) throws SQLException {
        return transaction(c -> insertOnce(c, "INSERT INTO role_handled (message_id, handled_at) VALUES (?, ?)", ps -> {
            ps.setString(1, messageId);
            ps.setObject(2, ts(Instant.now()));
        }));
    }

    /**
     * Records a task unless one with its id exists, and its ETSI object (when given) in the store's
     * objects. Returns the task as stored: the existing one on a repeat.
     */
    public TaskRecord recordTask(TaskRecord t, HI1Object object) throws SQLException {
        return transaction(c -> {
            if (!insertOnce(c, "INSERT INTO role_task (" + COLUMNS + ", created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> bind(ps, t))) {
                return one(c, "object_id", t.objectId()).orElseThrow(); // recorded before
            }
            if (object != null) {
                applyStatus(object, t.desiredStatus(), t.status(), t.preservedUntil().orElse(null));
                store.objects().createIfAbsent(version(object, t.caseRef(), t.requester(), t.reference(),
                        t.desiredStatus(), t.status(), null));
            }
            return t;
        });
    }

    /** Records a case's Authorisation object (first time only) with its status. */
    public void recordAuthorisation(AuthorisationObject auth, String caseRef, PartyId owner, String status) {
        String desired = Hi1View.value(auth.getAuthorisationDesiredStatus()).orElse(null);
        if (status != null) {
            auth.setAuthorisationStatus(Entries.etsi("AuthorisationStatus", status));
        }
        store.objects().createIfAbsent(version(auth, caseRef, owner, auth.getAuthorisationReference(), desired, status,
                owner));
    }

    public Optional<TaskRecord> task(String objectId) throws SQLException {
        return transaction(c -> one(c, "object_id", objectId));
    }

    /** The task a contact point created to relay the foreign task {@code foreignObjectId}, if any. */
    public Optional<TaskRecord> relayOf(String foreignObjectId) throws SQLException {
        return transaction(c -> one(c, "foreign_object_id", foreignObjectId));
    }

    public List<TaskRecord> tasksOfCase(String caseRef) throws SQLException {
        return transaction(c -> query(c, "case_ref", caseRef));
    }

    /** The result of a status change: the task as stored, and whether anything changed. */
    public record Change(TaskRecord task, boolean changed) {
    }

    /**
     * Changes a task's two-sided status (null leaves a side unchanged) and, with it, the stored ETSI
     * object; the store writes a STATUS_CHANGED event for the case.
     */
    public Change changeStatus(String objectId, String desiredStatus, String status, Instant preservedUntil, PartyId changedBy)
            throws SQLException {
        return transaction(c -> {
            TaskRecord t = one(c, "object_id", objectId).orElseThrow(() -> new SQLException("no task " + objectId, "02000"));
            String desired = desiredStatus != null ? desiredStatus : t.desiredStatus();
            String now = status != null ? status : t.status();
            Instant until = preservedUntil != null ? preservedUntil : t.preservedUntil().orElse(null);
            boolean changed = !Objects.equals(desired, t.desiredStatus()) || !Objects.equals(now, t.status())
                    || !Objects.equals(until, t.preservedUntil().orElse(null));
            if (!changed) {
                return new Change(t, false);
            }
            Optional<StoredObject> stored = store.objects().get(UUID.fromString(objectId));
            if (stored.isPresent()) {
                HI1Object object = ObjectXml.read(stored.get().xml());
                applyStatus(object, desired, now, until);
                object.setGeneration(java.math.BigInteger.valueOf(stored.get().generation() + 1L));
                object.setLastChanged(Hi1Parts.qualified(Instant.now()));
                store.objects().upsert(version(object, t.caseRef(), t.requester(), t.reference(), desired, now, changedBy));
            } else {
                audit(AuditEventType.STATUS_CHANGED, t.caseRef(), changedBy, null,
                        t.objectType() + " " + objectId + ": DesiredStatus=" + desired + " Status=" + now);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE role_task SET desired_status = ?, status = ?, preserved_until = ? WHERE object_id = ?")) {
                ps.setString(1, desired);
                ps.setString(2, now);
                ps.setObject(3, until == null ? null : ts(until));
                ps.setString(4, objectId);
                ps.executeUpdate();
            }
            return new Change(t.withDesiredStatus(desired).withStatus(now).withPreservedUntil(until), true);
        });
    }

    /** Appends an audit event for a case: with the caller's transaction when there is one (at its commit), else now. */
    public void audit(AuditEventType type, String caseRef, PartyId party, String transactionId, String detail) {
        store.audit().appendOnCommit(AuditEntry.of(type, caseRef).withParty(party == null ? null : party.toString())
                .withTransactionId(transactionId).withDetail(detail));
    }

    private static ObjectVersion version(HI1Object o, String caseRef, PartyId owner, String externalId, String desired,
            String status, PartyId changedBy) {
        Hi1ObjectType type = o instanceof LDTaskObject ? Hi1ObjectType.LD_TASK
                : o instanceof LPTaskObject ? Hi1ObjectType.LP_TASK : Hi1ObjectType.AUTHORISATION;
        return new ObjectVersion(UUID.fromString(o.getObjectIdentifier()), type, caseRef, owner.toString(),
                o.getCountryCode() != null ? o.getCountryCode() : owner.countryCode(), externalId, desired, status,
                ObjectXml.write(o), null, null, changedBy == null ? null : changedBy.toString());
    }

    private static void applyStatus(HI1Object o, String desired, String status, Instant until) {
        if (o instanceof LDTaskObject ld) {
            if (status != null) {
                ld.setStatus(Entries.etsi("LDTaskStatus", status));
            }
            if (desired != null) {
                ld.setDesiredStatus(Entries.etsi("LDTaskDesiredStatus", desired));
            }
        } else if (o instanceof LPTaskObject lp) {
            if (status != null) {
                lp.setStatus(Entries.etsi("LPTaskStatus", status));
            }
            if (desired != null) {
                lp.setDesiredStatus(Entries.etsi("LPTaskDesiredStatus", desired));
            }
            if (until != null) {
                lp.setPreservationExpiration(Hi1Parts.qualified(until));
            }
        }
    }

    /** Runs {@code work} as a transaction of the store, or as part of the caller's. */
    private <T> T transaction(Store.Unit<T> work) throws SQLException {
        try {
            return store.inTransaction(work);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // the work here throws only SQLException
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * Inserts a row unless its key exists (also when a concurrent transaction inserted it first):
     * false then. Behind a savepoint, so the transaction stays usable on PostgreSQL.
     */
    private static boolean insertOnce(Connection c, String sql, Binder binder) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(before);
            return false;
        }
        c.releaseSavepoint(before);
        return true;
    }

    private static void bind(PreparedStatement ps, TaskRecord t) throws SQLException {
        ps.setString(1, t.objectId());
        ps.setString(2, t.objectType());
        ps.setString(3, t.caseRef());
        ps.setString(4, t.authorisationId());
        ps.setString(5, t.requester().toString());
        ps.setString(6, t.requestTransactionId());
        ps.setString(7, t.reference());
        ps.setString(8, t.replyVia() == null ? null : t.replyVia().toString());
        ps.setBoolean(9, t.emergency());
        ps.setString(10, t.desiredStatus());
        ps.setString(11, t.status());
        ps.setObject(12, t.preservedUntil().map(CaseBook::ts).orElse(null));
        Optional<RelayLink> r = t.relay();
        ps.setString(13, r.map(RelayLink::mode).orElse(null));
        ps.setString(14, r.map(l -> l.foreignRequester().toString()).orElse(null));
        ps.setString(15, r.map(RelayLink::foreignTransactionId).orElse(null));
        ps.setString(16, r.map(RelayLink::foreignObjectId).orElse(null));
        ps.setString(17, r.map(RelayLink::foreignCaseRef).orElse(null));
        ps.setString(18, r.map(l -> text(l.previousHop())).orElse(null));
        ps.setString(19, r.map(l -> text(l.nextHop())).orElse(null));
        ps.setObject(20, ts(Instant.now()));
    }

    private static Optional<TaskRecord> one(Connection c, String column, String value) throws SQLException {
        List<TaskRecord> list = query(c, column, value);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static List<TaskRecord> query(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM role_task WHERE " + column
                + " = ? ORDER BY created_at, object_id")) {
            ps.setString(1, value);
            List<TaskRecord> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
            return list;
        }
    }

    private static TaskRecord read(ResultSet rs) throws SQLException {
        OffsetDateTime until = rs.getObject("preserved_until", OffsetDateTime.class);
        String mode = rs.getString("relay_mode");
        Optional<RelayLink> relay = mode == null ? Optional.empty() : Optional.of(new RelayLink(mode,
                PartyId.parse(rs.getString("foreign_requester")), rs.getString("foreign_tx"),
                rs.getString("foreign_object_id"), rs.getString("foreign_case_ref"), party(rs.getString("previous_hop")),
                party(rs.getString("next_hop"))));
        return new TaskRecord(rs.getString("object_id"), rs.getString("object_type"), rs.getString("case_ref"),
                rs.getString("authorisation_id"), PartyId.parse(rs.getString("requester")), rs.getString("request_tx"),
                rs.getString("reference"), party(rs.getString("reply_via")), rs.getBoolean("emergency"),
                rs.getString("desired_status"), rs.getString("status"),
                Optional.ofNullable(until).map(OffsetDateTime::toInstant), relay);
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static PartyId party(String text) {
        return text == null ? null : PartyId.parse(text);
    }

    private static String text(PartyId id) {
        return id == null ? null : id.toString();
    }
}
