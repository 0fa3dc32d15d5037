package org.lexgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * Transactions and the few JDBC conversions every repository needs. Internal.
 *
 * <p>A transaction belongs to the thread that opened it: a repository call made inside another
 * one's work, on the same thread, joins it (no commit of its own), so a caller can make several
 * calls one transaction ({@link Store#inTransaction}). Audit events are appended when their
 * transaction commits ({@link #appendOnCommit}), which keeps the audit chain's head locked only
 * for the moment of the commit.
 */
final class Jdbc {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** The open transaction of a thread: its connection, and the audit events to append before it commits. */
    private record Tx(Connection connection, List<AuditEntry> audit) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    private volatile GroupCommit group;

    Jdbc(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** From now on {@link #inGroupTransaction} batches concurrent callers on this writer. */
    void useGroupCommit(GroupCommit writer) {
        this.group = writer;
    }

    /**
     * Runs {@code work} in one transaction, commit on return, rollback on any failure — or, when this
     * thread is already in a transaction, as part of it.
     */
    <T> T inTransaction(String what, Work<T> work) {
        try {
            return inUnit(work::run);
        } catch (SQLException e) {
            throw new StoreException(what + " failed", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // Work throws only SQLException
        }
    }

    /**
     * Like {@link #inTransaction}, but a call from a thread outside any transaction may share its
     * transaction and its commit with concurrent calls ({@link GroupCommit}). {@code work} must only
     * touch the database: it may run twice (the second time alone) when another call of its batch fails.
     */
    <T> T inGroupTransaction(String what, Work<T> work) {
        GroupCommit writer = group;
        if (writer == null || current.get() != null) {
            return inTransaction(what, work);
        }
        return writer.run(what, work);
    }

    /** Whether the calling thread is in a transaction (a unit of work) that a call would join. */
    boolean inTransactionNow() {
        return current.get() != null;
    }

    /** {@link #inTransaction} for the store's public unit of work, whose failures pass through unchanged. */
    <T> T inUnit(Store.Unit<T> unit) throws Exception {
        Tx joined = current.get();
        if (joined != null) {
            return unit.run(joined.connection());
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Tx tx = new Tx(c, new ArrayList<>());
            current.set(tx);
            try {
                T result = unit.run(c);
                commit(tx);
                return result;
            } catch (Exception | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                current.remove();
            }
        }
    }

    /**
     * Runs the units of {@code batch} one after the other in one transaction on this thread and commits
     * once: the results in order, or the first failure (everything rolled back).
     */
    List<Object> inOneTransaction(List<? extends Work<?>> batch) throws Exception {
        return inUnit(c -> {
            List<Object> results = new ArrayList<>(batch.size());
            for (Work<?> work : batch) {
                results.add(work.run(c));
            }
            return results;
        });
    }

    /** Runs {@code work} outside this thread's transaction, if any: its store calls get transactions of their own. */
    <T> T apart(Callable<T> work) throws Exception {
        Tx suspended = current.get();
        current.remove();
        try {
            return work.call();
        } finally {
            if (suspended != null) {
                current.set(suspended);
            }
        }
    }

    /** {@link #inTransaction}, always in a transaction of its own (outside this thread's, if any). */
    <T> T inOwnTransaction(String what, Work<T> work) {
        Tx suspended = current.get();
        current.remove();
        try {
            return inTransaction(what, work);
        } finally {
            if (suspended != null) {
                current.set(suspended);
            }
        }
    }

    /** Appends {@code entry} to the audit trail when this thread's transaction commits; without one, now. */
    void appendOnCommit(AuditEntry entry) {
        Tx tx = current.get();
        if (tx == null) {
            inTransaction("audit append", c -> AuditTrail.append(c, List.of(entry), now()));
        } else {
            tx.audit().add(entry);
        }
    }

    private void commit(Tx tx) throws SQLException {
        if (!tx.audit().isEmpty()) {
            AuditTrail.append(tx.connection(), tx.audit(), now());
        }
        tx.connection().commit();
    }

    private static void rollback(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Now, at the microsecond precision both databases keep. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** Free text (error messages, reasons) is cut to fit its column rather than refused. */
    static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A JDBC URL with any password parameter masked, for logs. */
    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
