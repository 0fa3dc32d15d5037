package org.lexgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * ETSI objects — cases (Authorisation), tasks (LDTask, LPTask), Documents, Notifications,
 * Deliveries — with the two-sided status (DesiredStatus from the requester, Status from the
 * provider), Generation and LastChanged; GET and LIST are answered from here (issue 4, item 6).
 */
public final class ObjectStore {

    private static final String COLUMNS = "object_id, object_type, case_ref, owner_id, country_code, external_id,"
            + " generation, last_changed, desired_status, status, xml, created_at";
    /** The columns an insert writes, in the order {@link #bind} binds them. */
    private static final String WRITTEN = "object_type, case_ref, owner_id, country_code, external_id, generation,"
            + " last_changed, desired_status, status, xml, created_at, object_id";

    private final Jdbc jdbc;
    private final AuditTrail audit;

    ObjectStore(Jdbc jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Creates the object at Generation 1 or replaces its current version at Generation + 1, in one
     * transaction with a STATUS_CHANGED audit event when Status or DesiredStatus changed.
     *
     * @throws GenerationConflictException when {@code expectedGeneration} is set and is not the stored one
     * @throws StoreException              when the stored object has another type
     */
    public StoredObject upsert(ObjectVersion v) {
        try {
            return jdbc.inTransaction("upsert object", c -> upsert(c, v));
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            // A concurrent create of the same object won: this is now a modification of it.
            return jdbc.inTransaction("upsert object", c -> upsert(c, v));
        }
    }

    /**
     * Creates the object at Generation 1, with a STATUS_CHANGED audit event, unless an object with
     * its id exists: then nothing changes and the result is empty. One statement, no read first.
     *
     * @throws StoreException when a concurrent transaction creates the same object first (a unique
     *                        violation: call again, and the object exists)
     */
    public Optional<StoredObject> createIfAbsent(ObjectVersion v) {
        return jdbc.inTransaction("create object", c -> {
            Instant now = jdbc.now();
            StoredObject next = new StoredObject(v.objectId(), v.type(), v.caseRef(), v.owner(), v.countryCode(),
                    v.externalId(), 1, (v.lastChanged() == null ? now : v.lastChanged()).truncatedTo(ChronoUnit.MICROS),
                    v.desiredStatus(), v.status(), v.xml(), now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hi1_object (" + WRITTEN + ")"
                    + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM hi1_object WHERE object_id = ?)")) {
                bind(ps, next);
                ps.setObject(13, next.objectId());
                if (ps.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            auditChange(next, "(new)", v.changedBy());
            return Optional.of(next);
        });
    }

    /** The current version of an object (ETSI GET). */
    public Optional<StoredObject> get(UUID objectId) {
        return jdbc.inTransaction("get object", c -> read(c, objectId, false));
    }

    /** Objects matching the LIST filters, least recently changed first, at most MaximumObjectCount. */
    public List<StoredObject> list(ObjectQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM hi1_object WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.objectType() != null) {
            List<Hi1ObjectType> types = q.objectType().selects();
            sql.append(" AND object_type IN (").append("?, ".repeat(types.size() - 1)).append("?)");
            types.forEach(t -> args.add(t.dictionaryValue()));
        }
        if (q.lastChangedFrom() != null) {
            sql.append(" AND last_changed >= ?");
            args.add(Jdbc.ts(q.lastChangedFrom()));
        }
        if (q.lastChangedTo() != null) {
            sql.append(" AND last_changed < ?");
            args.add(Jdbc.ts(q.lastChangedTo()));
        }
        if (q.status() != null) {
            sql.append(" AND status = ?");
            args.add(q.status());
        }
        if (q.countryCode() != null) {
            sql.append(" AND country_code = ?");
            args.add(q.countryCode());
        }
        if (q.owner() != null) {
            sql.append(" AND owner_id = ?");
            args.add(q.owner());
        }
        sql.append(" ORDER BY last_changed, object_id");
        if (q.maximumObjectCount() != null) {
            sql.append(" FETCH FIRST ? ROWS ONLY");
            args.add(q.maximumObjectCount());
        }
        return jdbc.inTransaction("list objects", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return readAll(ps);
            }
        });
    }

    /** Every object of a case, oldest first. */
    public List<StoredObject> byCase(String caseRef) {
        return jdbc.inTransaction("objects by case", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM hi1_object WHERE case_ref = ? ORDER BY created_at, object_id")) {
                ps.setString(1, caseRef);
                return readAll(ps);
            }
        });
    }

    private StoredObject upsert(Connection c, ObjectVersion v) throws SQLException {
        Optional<StoredObject> current = read(c, v.objectId(), true);
        int currentGeneration = current.map(StoredObject::generation).orElse(0);
        if (v.expectedGeneration() != null && v.expectedGeneration() != currentGeneration) {
            throw new GenerationConflictException(v.objectId(), v.expectedGeneration(), currentGeneration);
        }
        if (current.isPresent() && current.get().type() != v.type()) {
            throw new StoreException("object " + v.objectId() + " is a " + current.get().type().dictionaryValue()
                    + ", not a " + v.type().dictionaryValue(), false);
        }
        Instant now = jdbc.now();
        Instant lastChanged = v.lastChanged() == null ? now : v.lastChanged();
        Instant createdAt = current.map(StoredObject::createdAt).orElse(now);
        StoredObject next = new StoredObject(v.objectId(), v.type(), v.caseRef(), v.owner(), v.countryCode(),
                v.externalId(), currentGeneration + 1, lastChanged.truncatedTo(ChronoUnit.MICROS),
                v.desiredStatus(), v.status(), v.xml(), createdAt);
        String sql = current.isEmpty()
                ? "INSERT INTO hi1_object (" + WRITTEN + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE hi1_object SET object_type = ?, case_ref = ?, owner_id = ?, country_code = ?,"
                        + " external_id = ?, generation = ?, last_changed = ?, desired_status = ?, status = ?,"
                        + " xml = ?, created_at = ? WHERE object_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, next);
            ps.executeUpdate();
        }
        auditChange(next, current.map(o -> statusText(o.desiredStatus(), o.status())).orElse("(new)"), v.changedBy());
        return next;
    }

    /** Binds the columns of {@link #WRITTEN}, in its order, to parameters 1 to 12. */
    private static void bind(PreparedStatement ps, StoredObject o) throws SQLException {
        ps.setString(1, o.type().dictionaryValue());
        ps.setString(2, o.caseRef());
        ps.setString(3, o.owner());
        ps.setString(4, o.countryCode());
        ps.setString(5, o.externalId());
        ps.setInt(6, o.generation());
        ps.setObject(7, Jdbc.ts(o.lastChanged()));
        ps.setString(8, o.desiredStatus());
        ps.setString(9, o.status());
        ps.setString(10, o.xml());
        ps.setObject(11, Jdbc.ts(o.createdAt()));
        ps.setObject(12, o.objectId());
    }

    /** A STATUS_CHANGED event, with the transaction's commit, when Status or DesiredStatus changed. */
    private void auditChange(StoredObject next, String before, String changedBy) {
        String after = statusText(next.desiredStatus(), next.status());
        if (!Objects.equals(before, after)) {
            audit.appendOnCommit(AuditEntry.of(AuditEventType.STATUS_CHANGED,
                            next.caseRef() == null ? next.objectId().toString() : next.caseRef())
                    .withParty(changedBy)
                    .withDetail(next.type().dictionaryValue() + " " + next.objectId() + " generation "
                            + next.generation() + ": " + before + " -> " + after));
        }
    }

    private static String statusText(String desired, String status) {
        return "DesiredStatus=" + desired + " Status=" + status;
    }

    private static Optional<StoredObject> read(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM hi1_object WHERE object_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setObject(1, id);
            List<StoredObject> found = readAll(ps);
            return found.stream().findFirst();
        }
    }

    private static List<StoredObject> readAll(PreparedStatement ps) throws SQLException {
        List<StoredObject> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new StoredObject(Jdbc.uuid(rs, "object_id"), Hi1ObjectType.fromDictionaryValue(rs.getString("object_type")),
                        rs.getString("case_ref"), rs.getString("owner_id"), rs.getString("country_code"),
                        rs.getString("external_id"), rs.getInt("generation"), Jdbc.instant(rs, "last_changed"),
                        rs.getString("desired_status"), rs.getString("status"), rs.getString("xml"),
                        Jdbc.instant(rs, "created_at")));
            }
        }
        return list;
    }
}
