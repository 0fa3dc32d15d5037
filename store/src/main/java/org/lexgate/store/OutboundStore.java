package org.lexgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable side of outbound delivery (issue 4, item 4): what must be sent, how often it was
 * tried, its receipt once delivered, and the dead letters an operator can list and resend. The
 * broker carries the work; this is the record it is reconciled with after a restart
 * ({@link #pending}).
 */
public final class OutboundStore {

    private static final String COLUMNS = "o.message_id, o.destination_id, o.lane, o.state, o.attempts,"
            + " o.last_error, o.last_attempt_at, o.delivered_at, o.dead_reason, o.dead_code, o.dead_lettered_at,"
            + " o.resend_count, m.sender_id, m.receiver_id, m.transaction_id, m.case_ref, m.signed_bytes,"
            + " OCTET_LENGTH(m.signed_bytes) AS signed_length, m.sha256, m.part_count, m.recorded_at";
    private static final String FROM = " FROM outbound o JOIN message m ON m.id = o.message_id";

    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final MessageStore messages;

    OutboundStore(Jdbc jdbc, AuditTrail audit, MessageStore messages) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * Records a signed message to send (message row OUT, delivery state PENDING, QUEUED audit event)
     * in one transaction. The same (destination, sender, TransactionIdentifier) is recorded once:
     * a second call returns {@link OutboundOutcome.AlreadyRecorded} and writes nothing. Concurrent
     * calls share a commit (group commit, as {@link MessageStore#recordInbound}).
     */
    public OutboundOutcome recordOutbound(OutboundMessage m) {
        // recorded before: that record's bytes stand, and the new parts go again
        return messages.inParts(SignedBytes.of(m.signedBytes()), staged -> recordOutbound(m, staged),
                outcome -> outcome instanceof OutboundOutcome.Recorded);
    }

    private OutboundOutcome recordOutbound(OutboundMessage m, MessageStore.Staged staged) {
        try {
            return jdbc.inGroupTransaction("record outbound", c -> {
                Optional<OutboundOutcome> existing = find(c, m);
                return existing.isPresent() ? existing.get() : insert(c, m, staged);
            });
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            return jdbc.inTransaction("find outbound", c -> find(c, m)).orElseThrow(() -> e);
        }
    }

    /** Counts a failed attempt and keeps its error (cut to 2000 characters); returns the attempt count. */
    public int recordAttemptFailure(UUID messageId, String error) {
        return jdbc.inTransaction("record attempt failure", c -> {
            int attempts = lock(c, messageId).attempts() + 1;
            Instant now = jdbc.now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbound SET attempts = ?, last_error = ?,"
                    + " last_attempt_at = ?, updated_at = ? WHERE message_id = ?")) {
                ps.setInt(1, attempts);
                ps.setString(2, Jdbc.fit(error, 2000));
                ps.setObject(3, Jdbc.ts(now));
                ps.setObject(4, Jdbc.ts(now));
                ps.setObject(5, messageId);
                ps.executeUpdate();
            }
            return attempts;
        });
    }

    /**
     * The destination's receipt was verified: stores it, marks the message DELIVERED and appends
     * a DELIVERED audit event. Returns {@code false} (and changes nothing) when it was already
     * delivered — e.g. a resend after a lost answer, whose receipt repeats the first. Concurrent
     * calls share a commit (group commit).
     */
    public boolean markDelivered(UUID messageId, SignedReceipt receipt) {
        return jdbc.inGroupTransaction("mark delivered", c -> {
            OutboundRecord r = lock(c, messageId);
            if (r.state() == OutboundState.DELIVERED) {
                return false;
            }
            Instant now = jdbc.now();
            StoredReceipt stored = MessageStore.insertReceipt(c, messageId, receipt, now);
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbound SET state = 'DELIVERED', attempts = ?,"
                    + " last_attempt_at = ?, delivered_at = ?, updated_at = ? WHERE message_id = ?")) {
                ps.setInt(1, r.attempts() + 1);
                ps.setObject(2, Jdbc.ts(now));
                ps.setObject(3, Jdbc.ts(now));
                ps.setObject(4, Jdbc.ts(now));
                ps.setObject(5, messageId);
                ps.executeUpdate();
            }
            audit.appendOnCommit(AuditEntry.of(AuditEventType.DELIVERED, r.caseRef())
                    .withParty(r.destination())
                    .withTransactionId(r.transactionId())
                    .withMessage(messageId, null)
                    .withSigner(receipt.signer().subject())
                    .withDetail("receipt sha256=" + stored.sha256() + " after " + (r.attempts() + 1) + " attempt(s)"));
            return true;
        });
    }

    /**
     * Delivery gave up (permanent failure or retry limit): marks a PENDING message DEAD_LETTERED
     * with the reason and code and appends a DEAD_LETTERED audit event. Returns {@code false}
     * (and changes nothing) when it is not PENDING.
     */
    public boolean markDeadLettered(UUID messageId, String reason, int code) {
        return jdbc.inTransaction("mark dead-lettered", c -> {
            OutboundRecord r = lock(c, messageId);
            if (r.state() != OutboundState.PENDING) {
                return false;
            }
            Instant now = jdbc.now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbound SET state = 'DEAD_LETTERED',"
                    + " dead_reason = ?, dead_code = ?, dead_lettered_at = ?, updated_at = ? WHERE message_id = ?")) {
                ps.setString(1, Jdbc.fit(reason, 2000));
                ps.setInt(2, code);
                ps.setObject(3, Jdbc.ts(now));
                ps.setObject(4, Jdbc.ts(now));
                ps.setObject(5, messageId);
                ps.executeUpdate();
            }
            audit.appendOnCommit(AuditEntry.of(AuditEventType.DEAD_LETTERED, r.caseRef())
                    .withParty(r.destination())
                    .withTransactionId(r.transactionId())
                    .withMessage(messageId, null)
                    .withCode(code)
                    .withDetail(reason));
            return true;
        });
    }

    /** Every dead letter, oldest first. */
    public List<DeadLetter> deadLetters() {
        return jdbc.inTransaction("list dead letters", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM
                    + " WHERE o.state = 'DEAD_LETTERED' ORDER BY o.dead_lettered_at, o.message_id");
                 ResultSet rs = ps.executeQuery()) {
                List<DeadLetter> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new DeadLetter(Jdbc.uuid(rs, "message_id"), rs.getString("destination_id"),
                            Lane.valueOf(rs.getString("lane")), rs.getString("sender_id"),
                            rs.getString("transaction_id"), rs.getString("case_ref"), rs.getInt("dead_code"),
                            rs.getString("dead_reason"), rs.getInt("attempts"), rs.getString("last_error"),
                            Jdbc.instant(rs, "dead_lettered_at"), rs.getInt("resend_count")));
                }
                return list;
            }
        });
    }

    /**
     * An operator asked to resend a dead letter: back to PENDING with the attempt count reset,
     * a RESEND_REQUESTED audit event naming {@code requestedBy}. Returns the record to enqueue, or
     * empty (and changes nothing) when the message is not DEAD_LETTERED.
     */
    public Optional<OutboundRecord> resendRequested(UUID messageId, String requestedBy) {
        return jdbc.inTransaction("request resend", c -> {
            OutboundRecord r = lock(c, messageId);
            if (r.state() != OutboundState.DEAD_LETTERED) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbound SET state = 'PENDING', attempts = 0,"
                    + " resend_count = resend_count + 1, updated_at = ? WHERE message_id = ?")) {
                ps.setObject(1, Jdbc.ts(jdbc.now()));
                ps.setObject(2, messageId);
                ps.executeUpdate();
            }
            audit.appendOnCommit(AuditEntry.of(AuditEventType.RESEND_REQUESTED, r.caseRef())
                    .withParty(requestedBy)
                    .withTransactionId(r.transactionId())
                    .withMessage(messageId, null)
                    .withDetail("to " + r.destination()));
            return Optional.of(lock(c, messageId));
        });
    }

    /** PENDING messages, emergency lane first, then oldest first: what to (re-)enqueue after a restart. */
    public List<OutboundRecord> pending(int limit) {
        return jdbc.inTransaction("list pending", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE o.state = 'PENDING'"
                    + " ORDER BY CASE WHEN o.lane = 'EMERGENCY' THEN 0 ELSE 1 END, m.recorded_at, o.message_id"
                    + " FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                List<OutboundRecord> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(record(c, rs));
                    }
                }
                return list;
            }
        });
    }

    /** An outbound message with its delivery state. */
    public Optional<OutboundRecord> get(UUID messageId) {
        return jdbc.inTransaction("get outbound", c -> read(c, messageId, false));
    }

    private OutboundOutcome insert(Connection c, OutboundMessage m, MessageStore.Staged staged) throws SQLException {
        Instant now = jdbc.now();
        UUID id = staged == null ? MessageIds.next(now) : staged.messageId();
        String digest = Sha256.hex(m.signedBytes());
        MessageStore.insertMessage(c, id, Direction.OUT, m.sender(), m.receiver(), m.transactionId(),
                staged != null ? null : m.signedBytes(), staged, digest, m.signer(), m.destination(), m.caseRef(), m.emergency(), now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound (message_id, destination_id, sender_id,"
                + " transaction_id, lane, state, attempts, resend_count, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 'PENDING', 0, 0, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, m.destination());
            ps.setString(3, m.sender());
            ps.setString(4, m.transactionId());
            ps.setString(5, m.lane().name());
            ps.setObject(6, Jdbc.ts(now));
            ps.executeUpdate();
        }
        audit.appendOnCommit(AuditEntry.of(AuditEventType.QUEUED, m.caseRef())
                .withParty(m.destination())
                .withTransactionId(m.transactionId())
                .withMessage(id, digest)
                .withSigner(m.signer().subject())
                .withDetail("lane " + m.lane() + ", from " + m.sender() + " to " + m.receiver()));
        return new OutboundOutcome.Recorded(id);
    }

    private static Optional<OutboundOutcome> find(Connection c, OutboundMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, state FROM outbound"
                + " WHERE destination_id = ? AND sender_id = ? AND transaction_id = ?")) {
            ps.setString(1, m.destination());
            ps.setString(2, m.sender());
            ps.setString(3, m.transactionId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new OutboundOutcome.AlreadyRecorded(Jdbc.uuid(rs, "message_id"),
                                OutboundState.valueOf(rs.getString("state"))))
                        : Optional.empty();
            }
        }
    }

    private static OutboundRecord lock(Connection c, UUID messageId) throws SQLException {
        return read(c, messageId, true).orElseThrow(
                () -> new StoreException("no outbound message " + messageId, false));
    }

    private static Optional<OutboundRecord> read(Connection c, UUID messageId, boolean forUpdate)
            throws SQLException {
        if (forUpdate) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT message_id FROM outbound WHERE message_id = ? FOR UPDATE")) {
                ps.setObject(1, messageId);
                ps.executeQuery().close();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE o.message_id = ?")) {
            ps.setObject(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(record(c, rs)) : Optional.empty();
            }
        }
    }

    private static OutboundRecord record(Connection c, ResultSet rs) throws SQLException {
        UUID id = Jdbc.uuid(rs, "message_id");
        return new OutboundRecord(id, rs.getString("sender_id"),
                rs.getString("receiver_id"), rs.getString("transaction_id"), rs.getString("destination_id"),
                Lane.valueOf(rs.getString("lane")), rs.getString("case_ref"), MessageStore.signedBytes(c, rs, id),
                OutboundState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                Jdbc.instant(rs, "last_attempt_at"), Jdbc.instant(rs, "recorded_at"),
                Jdbc.instant(rs, "delivered_at"), rs.getInt("resend_count"));
    }
}
