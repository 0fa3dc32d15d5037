package org.lexgate.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages and their receipts — "Nothing lost, nothing twice" (DESIGN.md).
 *
 * <p>{@link #recordInbound} is the durable-store step of the inbound pipeline: call it after every
 * check passed and the receipt is signed, and send the receipt it returns only after it returned.
 */
public final class MessageStore {

    private static final String MESSAGE_COLUMNS = "id, direction, sender_id, receiver_id, transaction_id,"
            + " signed_bytes, sha256, signer_subject, signer_serial, neighbour_id, case_ref, emergency, recorded_at";
    /** What a message row is read with: its columns and the length of its bytes. */
    private static final String READ_COLUMNS = MESSAGE_COLUMNS + ", OCTET_LENGTH(signed_bytes) AS signed_length";
    /**
     * Signed bytes longer than this (a delivery of megabytes) are written to the database from a
     * stream and read back from one into an array of their exact size: the driver then keeps no copy
     * of its own, nor a buffer that doubles as it reads. Shorter ones go as before, as one value.
     */
    static final int STREAMED_BYTES = 256 * 1024;

    private final Jdbc jdbc;
    private final AuditTrail audit;

    MessageStore(Jdbc jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Stores an accepted inbound message, its signed receipt and an ACCEPTED audit event in one
     * transaction — or, when its business key (sender, TransactionIdentifier) is already recorded
     * (also by a concurrent call that committed first), stores nothing but a DUPLICATE audit event
     * and returns the original receipt. A failure (a {@link StoreException}) leaves nothing behind.
     *
     * <p>Concurrent calls share a transaction and its commit (group commit); each returns only after
     * the commit that made its message durable.
     */
    public InboundOutcome recordInbound(InboundMessage m, SignedReceipt receipt) {
        String digest = Sha256.hex(m.signedBytes());
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.inGroupTransaction("record inbound", c -> {
                    Optional<UUID> existing = findInboundId(c, m.sender(), m.transactionId());
                    return existing.isPresent() ? duplicate(c, existing.get(), m, digest)
                            : insertInbound(c, m, digest, receipt);
                });
            } catch (StoreException e) {
                if (!e.isUniqueViolation() && !e.isTransient() || attempt >= 3) {
                    throw e;
                }
                // Lost a race on the business key (or a lock): the row that committed first decides.
                Optional<InboundOutcome> winner = jdbc.inTransaction("record duplicate", c -> {
                    Optional<UUID> existing = findInboundId(c, m.sender(), m.transactionId());
                    return existing.isPresent() ? Optional.of(duplicate(c, existing.get(), m, digest)) : Optional.empty();
                });
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
        }
    }

    /** The stored inbound message with this business key, if any. */
    public Optional<StoredMessage> findInbound(String sender, String transactionId) {
        return jdbc.inTransaction("find inbound", c -> {
            Optional<UUID> id = findInboundId(c, sender, transactionId);
            return id.isPresent() ? readMessage(c, id.get()) : Optional.empty();
        });
    }

    /** A message by its store id. */
    public Optional<StoredMessage> get(UUID messageId) {
        return jdbc.inTransaction("get message", c -> readMessage(c, messageId));
    }

    /** The receipt of a message, if one is stored (always for inbound; once delivered for outbound). */
    public Optional<StoredReceipt> receipt(UUID messageId) {
        return jdbc.inTransaction("get receipt", c -> readReceipt(c, messageId));
    }

    /** Every message of a case, in the order they were recorded. */
    public List<StoredMessage> byCase(String caseRef) {
        return jdbc.inTransaction("messages by case", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + READ_COLUMNS
                    + " FROM message WHERE case_ref = ? ORDER BY recorded_at, id")) {
                ps.setString(1, caseRef);
                List<StoredMessage> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(message(rs));
                    }
                }
                return list;
            }
        });
    }

    /** Records a refusal in the audit trail (REFUSED with the code). No message row is written. */
    public AuditEvent recordRefusal(Refusal r) {
        return audit.append(AuditEntry.of(AuditEventType.REFUSED, r.caseRef())
                .withParty(r.sender())
                .withTransactionId(r.transactionId())
                .withMessage(null, r.sha256())
                .withSigner(r.signerSubject())
                .withCode(r.code())
                .withDetail(r.neighbour() == null ? r.detail() : "via " + r.neighbour() + ": " + r.detail()));
    }

    private InboundOutcome duplicate(Connection c, UUID originalId, InboundMessage m, String digest)
            throws SQLException {
        StoredReceipt original = readReceipt(c, originalId).orElseThrow(
                () -> new SQLException("inbound message " + originalId + " has no receipt", "55000"));
        audit.appendOnCommit(AuditEntry.of(AuditEventType.DUPLICATE, m.caseRef())
                .withParty(m.sender())
                .withTransactionId(m.transactionId())
                .withMessage(originalId, digest)
                .withSigner(m.signer().subject())
                .withDetail("original receipt returned, via " + m.neighbour()));
        return new InboundOutcome.Duplicate(originalId, original);
    }

    private InboundOutcome insertInbound(Connection c, InboundMessage m, String digest, SignedReceipt receipt)
            throws SQLException {
        Instant now = jdbc.now();
        UUID id = MessageIds.next(now);
        insertMessage(c, id, Direction.IN, m.sender(), m.receiver(), m.transactionId(), m.signedBytes(), digest,
                m.signer(), m.neighbour(), m.caseRef(), m.emergency(), now);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO inbound_key (sender_id, transaction_id, message_id) VALUES (?, ?, ?)")) {
            ps.setString(1, m.sender());
            ps.setString(2, m.transactionId());
            ps.setObject(3, id);
            ps.executeUpdate();
        }
        StoredReceipt stored = insertReceipt(c, id, receipt, now);
        audit.appendOnCommit(AuditEntry.of(AuditEventType.ACCEPTED, m.caseRef())
                .withParty(m.sender())
                .withTransactionId(m.transactionId())
                .withMessage(id, digest)
                .withSigner(m.signer().subject())
                .withDetail("via " + m.neighbour() + (m.emergency() ? ", emergency" : "")
                        + "; receipt sha256=" + stored.sha256()));
        return new InboundOutcome.Stored(id, stored);
    }

    static void insertMessage(Connection c, UUID id, Direction direction, String sender, String receiver,
                              String transactionId, byte[] bytes, String digest, SignerRef signer,
                              String neighbour, String caseRef, boolean emergency, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO message (" + MESSAGE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, direction.name());
            ps.setString(3, sender);
            ps.setString(4, receiver);
            ps.setString(5, transactionId);
            setSignedBytes(ps, 6, bytes);
            ps.setString(7, digest);
            ps.setString(8, signer.subject());
            ps.setString(9, signer.serial());
            ps.setString(10, neighbour);
            ps.setString(11, caseRef);
            ps.setBoolean(12, emergency);
            ps.setObject(13, Jdbc.ts(at));
            ps.executeUpdate();
        }
    }

    static StoredReceipt insertReceipt(Connection c, UUID messageId, SignedReceipt r, Instant at)
            throws SQLException {
        String digest = Sha256.hex(r.signedBytes());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO receipt (message_id, signed_bytes, sha256,"
                + " signer_subject, signer_serial, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, messageId);
            ps.setBytes(2, r.signedBytes());
            ps.setString(3, digest);
            ps.setString(4, r.signer().subject());
            ps.setString(5, r.signer().serial());
            ps.setObject(6, Jdbc.ts(at));
            ps.executeUpdate();
        }
        return new StoredReceipt(messageId, r.signedBytes(), digest, r.signer(), at);
    }

    static Optional<StoredMessage> readMessage(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + READ_COLUMNS + " FROM message WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(message(rs)) : Optional.empty();
            }
        }
    }

    static Optional<StoredReceipt> readReceipt(Connection c, UUID messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT signed_bytes, sha256, signer_subject, signer_serial,"
                + " recorded_at FROM receipt WHERE message_id = ?")) {
            ps.setObject(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredReceipt(messageId, rs.getBytes("signed_bytes"), rs.getString("sha256"),
                        new SignerRef(rs.getString("signer_subject"), rs.getString("signer_serial")),
                        Jdbc.instant(rs, "recorded_at")));
            }
        }
    }

    private static Optional<UUID> findInboundId(Connection c, String sender, String transactionId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT message_id FROM inbound_key WHERE sender_id = ? AND transaction_id = ?")) {
            ps.setString(1, sender);
            ps.setString(2, transactionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Jdbc.uuid(rs, "message_id")) : Optional.empty();
            }
        }
    }

    private static StoredMessage message(ResultSet rs) throws SQLException {
        return new StoredMessage(Jdbc.uuid(rs, "id"), Direction.valueOf(rs.getString("direction")),
                rs.getString("sender_id"), rs.getString("receiver_id"), rs.getString("transaction_id"),
                signedBytes(rs), rs.getString("sha256"),
                new SignerRef(rs.getString("signer_subject"), rs.getString("signer_serial")),
                rs.getString("neighbour_id"), rs.getString("case_ref"), rs.getBoolean("emergency"),
                Jdbc.instant(rs, "recorded_at"));
    }

    /** Binds signed bytes: as a stream of known length when they are large ({@link #STREAMED_BYTES}). */
    static void setSignedBytes(PreparedStatement ps, int index, byte[] bytes) throws SQLException {
        if (bytes.length > STREAMED_BYTES) {
            ps.setBinaryStream(index, new ByteArrayInputStream(bytes), bytes.length);
        } else {
            ps.setBytes(index, bytes);
        }
    }

    /**
     * The {@code signed_bytes} of a row read with {@link #READ_COLUMNS}. A large one in a large-object
     * column (H2's BLOB, whose {@code getBytes} collects it in a doubling buffer) is read from a stream
     * into an array of the length the database reports ({@code signed_length}), which must match the
     * bytes read; a byte string (PostgreSQL's BYTEA, already in the row) is taken as it is.
     */
    private static byte[] signedBytes(ResultSet rs) throws SQLException {
        long length = rs.getLong("signed_length");
        if (length <= STREAMED_BYTES
                || rs.getMetaData().getColumnType(rs.findColumn("signed_bytes")) != Types.BLOB) {
            return rs.getBytes("signed_bytes");
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new SQLException("stored message of " + length + " bytes is larger than an array", "22001");
        }
        byte[] bytes = new byte[(int) length];
        try (InputStream in = rs.getBinaryStream("signed_bytes")) {
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n != bytes.length || in.read() != -1) {
                throw new SQLException("stored message is not of the length the database reports (" + length + " bytes)",
                        "22000");
            }
        } catch (IOException e) {
            throw new SQLException("cannot read a stored message: " + e.getMessage(), "58030", e);
        }
        return bytes;
    }
}
