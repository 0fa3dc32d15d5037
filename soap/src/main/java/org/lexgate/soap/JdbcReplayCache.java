package org.lexgate.soap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.wss4j.common.cache.ReplayCache;
import org.h2.jdbcx.JdbcDataSource;

/**
 * WSS4J's replay cache kept in a database table, so that a message seen before a restart is still
 * refused after it ({@code 9302 HOP_REPLAY}). Plugged in through
 * {@code ws-security.timestamp.cache.instance}: WSS4J asks it about every signed message with a
 * Timestamp, under an identifier made of the Timestamp's Created, the signature value and the
 * signing key.
 *
 * <p>Table {@code lexgate_hop_replay(id CHAR(64) primary key, expires_at BIGINT)}: the id is the
 * SHA-256 of WSS4J's identifier, {@code expires_at} epoch milliseconds. Entries live until the
 * Timestamp's Expires, but never longer than {@code window} (timestamp TTL + clock skew: past
 * that, the Timestamp is refused as too old anyway); expired entries are purged as new ones come.
 *
 * <p>Check and record are one step: {@link #contains} inserts the identifier and answers whether it
 * was already there, so two copies of one message arriving at the same moment cannot both pass
 * (WSS4J always follows a negative {@code contains} with {@code add}). {@code contains} records
 * the entry for the whole window, so the {@code add} that follows it in the same process writes
 * nothing: an entry kept past its Timestamp's Expires only refuses a message whose Timestamp is
 * refused as expired anyway, and one commit per message is saved. Works on H2 and PostgreSQL; several endpoints, or several nodes of one organisation,
 * may share one table.
 *
 * <p>If the database fails, {@link ReplayStoreUnavailableException} is thrown and the message is
 * refused as {@code 3019 TEMPORARILY_UNAVAILABLE}: fail closed, the sender retries later.
 */
public final class JdbcReplayCache implements ReplayCache {

    static final String TABLE = "lexgate_hop_replay";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_PENDING = 10_000;

    private final DataSource dataSource;
    private final Duration window;
    private final Clock clock;
    private final AutoCloseable keeper;
    private volatile Instant nextPurge = Instant.MIN;
    /** Identifiers {@link #contains} has just inserted for the whole window; {@link #add} finds them here. */
    private final Set<String> justInserted = ConcurrentHashMap.newKeySet();

    /** A cache in {@code dataSource}; creates its table if missing. */
    public JdbcReplayCache(DataSource dataSource, Duration window) {
        this(dataSource, window, Clock.systemUTC(), null);
    }

    JdbcReplayCache(DataSource dataSource, Duration window, Clock clock, AutoCloseable keeper) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keeper = keeper;
        createTable();
    }

    /**
     * A cache in an embedded H2 database file ({@code file} without the {@code .mv.db} suffix),
     * open until {@link #close()}. One process at a time may open a file.
     */
    public static JdbcReplayCache h2File(Path file, Duration window) {
        return h2File(file, window, Clock.systemUTC());
    }

    static JdbcReplayCache h2File(Path file, Duration window, Clock clock) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file.toAbsolutePath());
        try {
            Connection keeper = ds.getConnection(); // keeps the database open between statements
            return new JdbcReplayCache(ds, window, clock, keeper);
        } catch (SQLException e) {
            throw new IllegalArgumentException("hop replay store " + file + ": cannot be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String identifier) {
        String id = key(identifier);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            if (insert(c, id, now.plus(window))) {
                if (justInserted.size() >= MAX_PENDING) {
                    justInserted.clear(); // contains without add (not WSS4J's way): add writes its row again
                }
                justInserted.add(id);
                return false;
            }
            // Seen before: a replay, unless that entry has outlived its window.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + TABLE + " SET expires_at = ? WHERE id = ? AND expires_at <= ?")) {
                ps.setLong(1, now.plus(window).toEpochMilli());
                ps.setString(2, id);
                ps.setLong(3, now.toEpochMilli());
                return ps.executeUpdate() == 0;
            }
        } catch (SQLException e) {
            throw new ReplayStoreUnavailableException(e);
        }
    }

    @Override
    public void add(String identifier) {
        add(identifier, clock.instant().plus(window));
    }

    @Override
    public void add(String identifier, Instant expiry) {
        String id = key(identifier);
        Instant now = clock.instant();
        Instant cap = now.plus(window);
        Instant until = expiry == null || expiry.isAfter(cap) ? cap : expiry;
        if (justInserted.remove(id) && now.isBefore(nextPurge)) {
            return; // contains() stored it for the whole window a moment ago
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET expires_at = ? WHERE id = ?")) {
                ps.setLong(1, until.toEpochMilli());
                ps.setString(2, id);
                if (ps.executeUpdate() == 0) {
                    insert(c, id, until);
                }
            }
            purgeIfDue(c, now);
        } catch (SQLException e) {
            throw new ReplayStoreUnavailableException(e);
        }
    }

    /** Number of remembered identifiers, expired or not (for tests and metrics). */
    long size() {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new ReplayStoreUnavailableException(e);
        }
    }

    @Override
    public void close() {
        if (keeper != null) {
            try {
                keeper.close();
            } catch (Exception e) {
                throw new ReplayStoreUnavailableException(e);
            }
        }
    }

    private boolean insert(Connection c, String id, Instant expires) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, expires_at) VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, expires.toEpochMilli());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private void purgeIfDue(Connection c, Instant now) throws SQLException {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_INTERVAL);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE expires_at < ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private void createTable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id CHAR(64) PRIMARY KEY, expires_at BIGINT NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalArgumentException("hop replay store: cannot create table " + TABLE + ": "
                    + e.getMessage(), e);
        }
    }

    private static String key(String identifier) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The replay store could not be read or written; the message is refused and may be retried. */
    public static final class ReplayStoreUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReplayStoreUnavailableException(Exception cause) {
            super("hop replay store unavailable: " + cause.getMessage(), cause);
        }
    }
}
