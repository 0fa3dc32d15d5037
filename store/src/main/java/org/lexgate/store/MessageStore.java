package org.lexgate.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Messages and their receipts — "Nothing lost, nothing twice" (DESIGN.md).
 *
 * <p>{@link #recordInbound} is the durable-store step of the inbound pipeline: call it after every
 * check passed and the receipt is signed, and send the receipt it returns only after it returned.
 */
public final class MessageStore {

    private static final String MESSAGE_COLUMNS = "id, direction, sender_id, receiver_id, transaction_id,"
            + " signed_bytes, sha256, signer_subject, signer_serial, neighbour_id, case_ref, emergency, recorded_at,"
            + " part_count";
    /** What a message row is read with: its columns and the length of its bytes. */
    private static final String READ_COLUMNS = MESSAGE_COLUMNS + ", OCTET_LENGTH(signed_bytes) AS signed_length";
    /**
     * Signed bytes longer than this (a delivery of megabytes) are written to the database from a
     * stream and read back from one into an array of their exact size: the driver then keeps no copy
     * of its own, nor a buffer that doubles as it reads. Shorter ones go as before, as one value.
     */
    static final int STREAMED_BYTES = 256 * 1024;
    /**
     * Signed bytes longer than this are stored as parts of this size (table {@code message_part}),
     * each written and committed on its own before the message's transaction, which links them
     * ({@link #stage}): H2 writes every commit as one chunk that it first builds in a heap buffer
     * growing by half up to the chunk's size, so one commit of a 10 MB message allocated ~27 MB of
     * buffers besides the value; a part's commit fits the 1 MB buffer H2 keeps for reuse.
     */
    static final int PART_BYTES = 512 * 1024;
    /** Staged parts whose message never committed are deleted once they are this old. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);
    /** How often (by the store's clock) staging a message also looks for orphaned parts. */
    static final Duration ORPHAN_SWEEP_INTERVAL = Duration.ofMinutes(10);

    /** Parts written and committed for a message whose row is not committed yet. */
    record Staged(UUID messageId, int parts) {
    }

    private final Jdbc jdbc;
    private final AuditTrail audit;
    /** When staging next sweeps orphaned parts; null: at the first staging. */
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>();

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
        String digest = m.signed().sha256Hex();
        // a duplicate links no parts: the original's bytes are the record
        return inParts(m.signed(), staged -> recordInbound(m, receipt, digest, staged),
                outcome -> outcome instanceof InboundOutcome.Stored);
    }

    /**
     * Records a message whose bytes may be large: stages them as parts when they are ({@link #stage};
     * {@code record} gets null otherwise), runs {@code record}, and deletes the staged parts again
     * unless its outcome linked them ({@code linksParts}: a new row, not a known one) — also when it
     * fails.
     */
    <T> T inParts(SignedBytes bytes, Function<Staged, T> record, Predicate<T> linksParts) {
        Staged staged = stage(bytes);
        boolean linked = false;
        try {
            T outcome = record.apply(staged);
            linked = staged != null && linksParts.test(outcome);
            return outcome;
        } catch (RuntimeException | Error e) {
            discard(staged, e);
            staged = null;
            throw e;
        } finally {
            if (staged != null && !linked) {
                discard(staged, null);
            }
        }
    }

    private InboundOutcome recordInbound(InboundMessage m, SignedReceipt receipt, String digest, Staged staged) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.inGroupTransaction("record inbound", c -> {
                    Optional<UUID> existing = findInboundId(c, m.sender(), m.transactionId());
                    return existing.isPresent() ? duplicate(c, existing.get(), m, digest)
                            : insertInbound(c, m, digest, receipt, staged);
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
                        list.add(message(c, rs));
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

    private InboundOutcome insertInbound(Connection c, InboundMessage m, String digest, SignedReceipt receipt,
                                         Staged staged) throws SQLException {
        Instant now = jdbc.now();
        UUID id = staged == null ? MessageIds.next(now) : staged.messageId();
        byte[] inRow = staged == null ? m.signedBytes() : null;
        insertMessage(c, id, Direction.IN, m.sender(), m.receiver(), m.transactionId(), inRow, staged, digest,
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

    /**
     * Inserts a message row: with its bytes in the row, or, when {@code staged} (then its id must be
     * {@code id}), linking the parts staged for it, which must all be there and still staged.
     */
    static void insertMessage(Connection c, UUID id, Direction direction, String sender, String receiver,
                              String transactionId, byte[] bytes, Staged staged, String digest, SignerRef signer,
                              String neighbour, String caseRef, boolean emergency, Instant at)
            throws SQLException {
        if (staged != null) {
            link(c, staged, id);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO message (" + MESSAGE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, direction.name());
            ps.setString(3, sender);
            ps.setString(4, receiver);
            ps.setString(5, transactionId);
            if (staged == null) {
                setSignedBytes(ps, 6, bytes);
            } else {
                ps.setNull(6, Types.BINARY); // BYTEA on PostgreSQL; H2 takes any type for NULL
            }
            ps.setString(7, digest);
            ps.setString(8, signer.subject());
            ps.setString(9, signer.serial());
            ps.setString(10, neighbour);
            ps.setString(11, caseRef);
            ps.setBoolean(12, emergency);
            ps.setObject(13, Jdbc.ts(at));
            ps.setInt(14, staged == null ? 0 : staged.parts());
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
                return rs.next() ? Optional.of(message(c, rs)) : Optional.empty();
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

    private static StoredMessage message(Connection c, ResultSet rs) throws SQLException {
        UUID id = Jdbc.uuid(rs, "id");
        return new StoredMessage(id, Direction.valueOf(rs.getString("direction")),
                rs.getString("sender_id"), rs.getString("receiver_id"), rs.getString("transaction_id"),
                signedBytes(c, rs, id), rs.getString("sha256"),
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
     * The signed bytes of a message row read with its {@code sha256}, {@code part_count} and
     * {@code signed_length} ({@code OCTET_LENGTH(signed_bytes)}): from its parts when it has any
     * ({@link #readParts}), otherwise from the row. A large value in a large-object column (H2's
     * BLOB, whose {@code getBytes} collects it in a doubling buffer) is read from a stream into an
     * array of the length the database reports, which must match the bytes read; a byte string
     * (PostgreSQL's BYTEA, already in the row) is taken as it is.
     */
    static byte[] signedBytes(Connection c, ResultSet rs, UUID id) throws SQLException {
        int parts = rs.getInt("part_count");
        if (parts > 0) {
            return readParts(c, id, parts, rs.getString("sha256"));
        }
        long length = rs.getLong("signed_length");
        if (length <= STREAMED_BYTES
                || rs.getMetaData().getColumnType(rs.findColumn("signed_bytes")) != Types.BLOB) {
            return rs.getBytes("signed_bytes");
        }
        byte[] bytes = new byte[arrayLength(length)];
        try (InputStream in = rs.getBinaryStream("signed_bytes")) {
            readExactly(in, bytes, 0, bytes.length, length);
        } catch (IOException e) {
            throw new SQLException("cannot read a stored message: " + e.getMessage(), "58030", e);
        }
        return bytes;
    }

    // ---- large messages in parts -------------------------------------------------------------

    /**
     * Writes {@code bytes} (from their pieces, if they are in pieces) as parts of {@link #PART_BYTES},
     * each in a transaction of its own, for a message row to link ({@link #link}) — or returns null
     * when they are small enough for the row, or when the calling thread is in a unit of work (whose
     * rollback must take the bytes with it: they then go into the row as one value). Once in a while
     * it first deletes orphaned parts. A failure deletes what it staged and is thrown.
     */
    Staged stage(SignedBytes bytes) {
        if (bytes.length() <= PART_BYTES || jdbc.inTransactionNow()) {
            return null;
        }
        sweepOrphansIfDue();
        Staged staged = new Staged(MessageIds.next(jdbc.now()), (int) ((bytes.length() + (long) PART_BYTES - 1) / PART_BYTES));
        try {
            for (int seq = 0; seq < staged.parts(); seq++) {
                int from = seq * PART_BYTES;
                int length = Math.min(PART_BYTES, bytes.length() - from);
                int part = seq;
                jdbc.inTransaction("stage message part", c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO message_part (message_id, seq, bytes, staged_at) VALUES (?, ?, ?, ?)")) {
                        ps.setObject(1, staged.messageId());
                        ps.setInt(2, part);
                        ps.setBinaryStream(3, bytes.range(from, length), length);
                        ps.setObject(4, Jdbc.ts(jdbc.now()));
                        ps.executeUpdate();
                    }
                    return null;
                });
            }
        } catch (RuntimeException | Error e) {
            discard(staged, e);
            throw e;
        }
        return staged;
    }

    /**
     * Deletes the parts staged for a message that was not stored (a duplicate, a failure). Best
     * effort: what it cannot delete stays an orphan for the sweep; its failure is added to
     * {@code failure}, if any, or else dropped.
     */
    private void discard(Staged staged, Throwable failure) {
        if (staged == null) {
            return;
        }
        try {
            jdbc.inOwnTransaction("discard staged parts", c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM message_part WHERE message_id = ? AND staged_at IS NOT NULL")) {
                    ps.setObject(1, staged.messageId());
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * In the message's transaction: marks its staged parts as its own (staged_at NULL, so no sweep
     * takes them once this commits; the update also locks them until then). Every part must be there.
     */
    private static void link(Connection c, Staged staged, UUID id) throws SQLException {
        if (!staged.messageId().equals(id)) {
            throw new IllegalArgumentException("parts staged for " + staged.messageId() + ", not " + id);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE message_part SET staged_at = NULL WHERE message_id = ? AND staged_at IS NOT NULL")) {
            ps.setObject(1, id);
            int n = ps.executeUpdate();
            if (n != staged.parts()) {
                throw new SQLException("message " + id + ": " + n + " of its " + staged.parts()
                        + " staged parts are there", "55000");
            }
        }
    }

    /** Deletes parts staged before {@code stagedBefore} that no message linked; returns how many. */
    int deleteOrphanParts(Instant stagedBefore) {
        return jdbc.inOwnTransaction("delete orphaned parts", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM message_part WHERE staged_at IS NOT NULL AND staged_at < ?")) {
                ps.setObject(1, Jdbc.ts(stagedBefore));
                return ps.executeUpdate();
            }
        });
    }

    private void sweepOrphansIfDue() {
        Instant now = jdbc.now();
        Instant due = nextSweep.get();
        if (due != null && now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(ORPHAN_SWEEP_INTERVAL))) {
            return;
        }
        try {
            deleteOrphanParts(now.minus(ORPHAN_AGE));
        } catch (StoreException e) {
            nextSweep.set(now); // try again at the next staging; the message itself is unaffected
        }
    }

    /**
     * A message's bytes from its {@code parts} linked parts, in order, into one array of their total
     * length; every part must be there (0 to parts - 1) and the whole must have the message's digest.
     */
    private static byte[] readParts(Connection c, UUID id, int parts, String sha256) throws SQLException {
        long[] lengths = new long[parts];
        long total = 0;
        int found = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, OCTET_LENGTH(bytes) FROM message_part"
                + " WHERE message_id = ? AND staged_at IS NULL ORDER BY seq")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (found >= parts || rs.getInt(1) != found) {
                        throw new SQLException("message " + id + ": its parts are not 0 to " + (parts - 1), "22000");
                    }
                    lengths[found] = rs.getLong(2);
                    total += lengths[found++];
                }
            }
        }
        if (found != parts) {
            throw new SQLException("message " + id + ": " + found + " of its " + parts + " parts are there", "22000");
        }
        byte[] bytes = new byte[arrayLength(total)];
        try (PreparedStatement ps = c.prepareStatement("SELECT bytes FROM message_part"
                + " WHERE message_id = ? AND staged_at IS NULL ORDER BY seq")) {
            ps.setObject(1, id);
            ps.setFetchSize(1); // PostgreSQL: one part in memory at a time
            try (ResultSet rs = ps.executeQuery()) {
                int at = 0;
                for (int i = 0; i < parts; i++) {
                    if (!rs.next()) {
                        throw new SQLException("message " + id + ": part " + i + " went missing while read", "22000");
                    }
                    try (InputStream in = rs.getBinaryStream(1)) {
                        readExactly(in, bytes, at, (int) lengths[i], lengths[i]);
                    }
                    at += (int) lengths[i];
                }
            }
        } catch (IOException e) {
            throw new SQLException("cannot read a stored message: " + e.getMessage(), "58030", e);
        }
        if (!Sha256.hex(bytes).equals(sha256)) {
            throw new SQLException("message " + id + ": its parts do not have its digest", "22000");
        }
        return bytes;
    }

    private static int arrayLength(long length) throws SQLException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new SQLException("stored message of " + length + " bytes is larger than an array", "22001");
        }
        return (int) length;
    }

    private static void readExactly(InputStream in, byte[] into, int at, int length, long reported)
            throws IOException, SQLException {
        int n = in.readNBytes(into, at, length);
        if (n != length || in.read() != -1) {
            throw new SQLException("stored message is not of the length the database reports (" + reported
                    + " bytes)", "22000");
        }
    }
}
