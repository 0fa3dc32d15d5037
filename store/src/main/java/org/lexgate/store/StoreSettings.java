package org.lexgate.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Where the store lives and how it connects.
 *
 * @param jdbcUrl     JDBC URL of an H2 or PostgreSQL database
 * @param user        database user, or {@code null} when the URL carries it
 * @param password    database password, or {@code null}
 * @param schema      schema to create, migrate and use, or {@code null} for the connection's default
 *                    ({@code PUBLIC} on H2, {@code public} on PostgreSQL)
 * @param maxPoolSize the most pooled connections (HikariCP)
 * @param clock       the clock for every time the store records
 */
public record StoreSettings(String jdbcUrl, String user, String password, String schema,
                            int maxPoolSize, Clock clock) {

    /** H2 options of the embedded default; see {@link #embeddedUrl(Path, boolean)}. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;MAX_LENGTH_INPLACE_LOB=16384;PAGE_SIZE=4096"
            + ";QUERY_CACHE_SIZE=64";

    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(clock, "clock");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
        if (schema != null && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier, was " + schema);
        }
    }

    /** The default: an embedded H2 file database {@code lexgate} in {@code dataDir}, one process only. */
    public static StoreSettings embedded(Path dataDir) {
        return jdbc(embeddedUrl(dataDir, false), "sa", "");
    }

    /**
     * Any supported database (H2 or PostgreSQL), 16 connections, the system UTC clock. Sixteen: a
     * thread in a unit of work ({@link Store#inTransaction}) that sends a message holds a second
     * connection for the send, and a node runs up to 8 such threads by default (4 processing
     * consumers per lane) beside its intake and delivery.
     */
    public static StoreSettings jdbc(String jdbcUrl, String user, String password) {
        return new StoreSettings(jdbcUrl, user, password, null, 16, Clock.systemUTC());
    }

    /**
     * The URL of the embedded H2 file database in {@code dataDir}: PostgreSQL compatibility with
     * lower-case identifiers, each commit written to the file before it returns
     * ({@code WRITE_DELAY=0}, so a killed process loses no committed transaction), a 10 s lock
     * wait, and binary and text values up to 16 KB (a signed request, a receipt) kept in their row
     * ({@code MAX_LENGTH_INPLACE_LOB}) rather than in H2's separate LOB maps, so a commit writes
     * fewer pages, and pages split at 4 KB ({@code PAGE_SIZE}) rather than 16 KB: a commit rewrites
     * every B-tree leaf it touched, so smaller leaves mean about a third fewer bytes written per
     * message (and a third less file growth) for the same CPU. Each connection keeps its 64 most
     * recent statements parsed ({@code QUERY_CACHE_SIZE}; H2's default of 8 is fewer than the
     * statements a node runs on one pooled connection, so H2 parsed most of them again: ~2 % of a
     * loaded node's CPU). {@code autoServer} lets another
     * process on this machine (e.g. {@code lexgate trail}) open the same file while the node runs,
     * through a TCP port H2 opens on demand.
     */
    public static String embeddedUrl(Path dataDir, boolean autoServer) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("lexgate");
        return "jdbc:h2:file:" + file + H2_OPTIONS + (autoServer ? ";AUTO_SERVER=TRUE" : "");
    }

    public StoreSettings withSchema(String newSchema) {
        return new StoreSettings(jdbcUrl, user, password, newSchema, maxPoolSize, clock);
    }

    public StoreSettings withMaxPoolSize(int size) {
        return new StoreSettings(jdbcUrl, user, password, schema, size, clock);
    }

    public StoreSettings withClock(Clock newClock) {
        return new StoreSettings(jdbcUrl, user, password, schema, maxPoolSize, newClock);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "StoreSettings[" + Jdbc.redact(jdbcUrl) + ", user=" + user + ", schema=" + schema
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
