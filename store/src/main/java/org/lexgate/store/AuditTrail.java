package org.lexgate.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * The append-only audit trail (guidelines §25, §52), behind {@code lexgate trail}.
 *
 * <p>Tamper-evident: each event stores {@code row_hash = SHA-256(prev_hash ‖ fields)}, chaining
 * the previous event's hash (the first event chains 64 zeros). The fields are encoded one after
 * the other as {@code <UTF-8 byte length>:<UTF-8 bytes>;} or {@code -;} for null, in this order:
 * prev_hash, seq, recorded_at (ISO-8601 UTC instant, microseconds), event_type, case_ref, party_id,
 * transaction_id, message_id, message_sha256, signer_subject, code, detail. Appends are serialised by
 * a lock on the chain head, so {@code seq} has no gaps and the chain has no forks. A transaction
 * appends its events just before it commits, so it holds that lock only for the commit.
 */
public final class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    private static final String COLUMNS = "seq, recorded_at, event_type, case_ref, party_id, transaction_id,"
            + " message_id, message_sha256, signer_subject, code, detail, prev_hash, row_hash";

    private final Jdbc jdbc;

    AuditTrail(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends one event in a transaction of its own (also when the calling thread is in a
     * {@link Store#inTransaction unit of work}: the event stays even if the unit rolls back).
     */
    public AuditEvent append(AuditEntry entry) {
        return jdbc.inOwnTransaction("audit append", c -> append(c, List.of(entry), jdbc.now()).get(0));
    }

    /**
     * Appends one event as part of the calling thread's {@link Store#inTransaction unit of work}:
     * when it commits, and not at all if it rolls back. Outside a unit, appends it now in a
     * transaction of its own.
     */
    public void appendOnCommit(AuditEntry entry) {
        jdbc.appendOnCommit(entry);
    }

    /** Every event of a case or reference, in the order they happened. */
    public List<AuditEvent> trail(String caseRef) {
        Jdbc.requireText(caseRef, "caseRef");
        return jdbc.inTransaction("audit trail", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_event WHERE case_ref = ? ORDER BY seq")) {
                ps.setString(1, caseRef);
                return read(ps);
            }
        });
    }

    /** Events with {@code seq} from {@code fromSeq} (inclusive), at most {@code limit}, in order. */
    public List<AuditEvent> since(long fromSeq, int limit) {
        return jdbc.inTransaction("audit since", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_event WHERE seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, fromSeq);
                ps.setInt(2, limit);
                return read(ps);
            }
        });
    }

    /**
     * Recomputes the whole chain. Empty when every row's hash matches and each row chains its
     * predecessor and the head; otherwise the {@code seq} of the first row that does not (or the
     * head's {@code seq} + 1 when rows at the end were removed).
     */
    public OptionalLong firstBrokenLink() {
        final int batch = 1000;
        String prev = GENESIS;
        long expectedSeq = 1;
        while (true) {
            List<AuditEvent> events = since(expectedSeq, batch);
            for (AuditEvent e : events) {
                if (e.seq() != expectedSeq || !e.prevHash().equals(prev)
                        || !e.rowHash().equals(hash(prev, e.seq(), e.recordedAt(), e.entry()))) {
                    return OptionalLong.of(expectedSeq);
                }
                prev = e.rowHash();
                expectedSeq++;
            }
            if (events.size() < batch) {
                break;
            }
        }
        long lastSeq = expectedSeq - 1;
        String lastHash = prev;
        boolean headMatches = jdbc.inTransaction("audit head", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == lastSeq && rs.getString(2).equals(lastHash);
            }
        });
        return headMatches ? OptionalLong.empty() : OptionalLong.of(expectedSeq);
    }

    /**
     * Appends events within the caller's transaction, in order, all at {@code at}; the head stays
     * locked until it commits. {@link Jdbc} calls this just before a commit, for the events of
     * {@link #appendOnCommit}.
     */
    static List<AuditEvent> append(Connection c, List<AuditEntry> entries, Instant at) throws SQLException {
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row missing", "55000");
            }
            seq = rs.getLong(1);
            prev = rs.getString(2);
        }
        List<AuditEvent> events = new ArrayList<>(entries.size());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
                seq++;
                String rowHash = hash(prev, seq, at, e);
                ps.setLong(1, seq);
                ps.setObject(2, Jdbc.ts(at));
                ps.setString(3, e.type().name());
                ps.setString(4, e.caseRef());
                ps.setString(5, e.party());
                ps.setString(6, e.transactionId());
                ps.setObject(7, e.messageId());
                ps.setString(8, e.messageSha256());
                ps.setString(9, e.signerSubject());
                Jdbc.setInteger(ps, 10, e.code());
                ps.setString(11, e.detail());
                ps.setString(12, prev);
                ps.setString(13, rowHash);
                ps.addBatch();
                events.add(new AuditEvent(seq, at, e, prev, rowHash));
                prev = rowHash;
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, prev);
            ps.executeUpdate();
        }
        return events;
    }

    static String hash(String prevHash, long seq, Instant at, AuditEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, prevHash);
        field(out, Long.toString(seq));
        field(out, at.toString());
        field(out, e.type().name());
        field(out, e.caseRef());
        field(out, e.party());
        field(out, e.transactionId());
        field(out, e.messageId() == null ? null : e.messageId().toString());
        field(out, e.messageSha256());
        field(out, e.signerSubject());
        field(out, e.code() == null ? null : e.code().toString());
        field(out, e.detail());
        MessageDigest md = Sha256.newDigest();
        return HexFormat.of().formatHex(md.digest(out.toByteArray()));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes("-;".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write(';');
    }

    private static List<AuditEvent> read(PreparedStatement ps) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                AuditEntry entry = new AuditEntry(AuditEventType.valueOf(rs.getString("event_type")),
                        rs.getString("case_ref"), rs.getString("party_id"), rs.getString("transaction_id"),
                        Jdbc.uuid(rs, "message_id"), rs.getString("message_sha256"),
                        rs.getString("signer_subject"), Jdbc.integer(rs, "code"), rs.getString("detail"));
                events.add(new AuditEvent(rs.getLong("seq"), Jdbc.instant(rs, "recorded_at"), entry,
                        rs.getString("prev_hash"), rs.getString("row_hash")));
            }
        }
        return events;
    }
}
