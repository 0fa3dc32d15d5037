package org.lexgate.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's record (DESIGN.md "Store"): opens a pooled connection to H2 or PostgreSQL, brings the
 * schema up to date with Flyway, and hands out the repositories. Thread-safe; open one per node
 * and close it at shutdown.
 *
 * <pre>{@code
 * try (Store store = Store.open(StoreSettings.embedded(dataDir))) {
 *     InboundOutcome outcome = store.messages().recordInbound(message, signedReceipt);
 *     send(outcome.receipt().signedBytes());
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    /** Where the migrations live on the classpath. */
    public static final String MIGRATIONS = "classpath:org/lexgate/store/db/migration";

    /**
     * Work for {@link #inTransaction}: gets the unit's connection (for SQL of the caller's own tables;
     * do not commit or roll back on it) and may throw anything.
     */
    @FunctionalInterface
    public interface Unit<T> {
        T run(Connection c) throws Exception;
    }

    private final HikariDataSource dataSource;
    private final String vendor;
    private final Jdbc jdbc;
    private final GroupCommit groupCommit;
    private final AuditTrail audit;
    private final MessageStore messages;
    private final OutboundStore outbound;
    private final ObjectStore objects;
    private final FollowUpClocks followUps;
    private final H2Housekeeping housekeeping;

    private Store(HikariDataSource dataSource, String vendor, StoreSettings settings, H2Housekeeping housekeeping) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.jdbc = new Jdbc(dataSource, settings.clock());
        this.groupCommit = new GroupCommit(jdbc, "lexgate-store-writer");
        jdbc.useGroupCommit(groupCommit);
        this.audit = new AuditTrail(jdbc);
        this.messages = new MessageStore(jdbc, audit);
        this.outbound = new OutboundStore(jdbc, audit, messages);
        this.objects = new ObjectStore(jdbc, audit);
        this.followUps = new FollowUpClocks(jdbc, audit);
        this.housekeeping = housekeeping;
    }

    /** Opens the embedded H2 file database in {@code dataDir} (created if missing). */
    public static Store openEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        return open(StoreSettings.embedded(dataDir));
    }

    /**
     * Connects, migrates and returns the store.
     *
     * @throws StoreException when the database cannot be reached, is neither H2 nor PostgreSQL, or a
     *                        migration fails (the pool is closed again)
     */
    public static Store open(StoreSettings settings) {
        return open(settings, H2Housekeeping.Policy.DEFAULT);
    }

    /**
     * {@link #open(StoreSettings)} with the given H2 file housekeeping: tests make it frequent, or
     * pass {@code null} for none.
     */
    static Store open(StoreSettings settings, H2Housekeeping.Policy housekeeping) {
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hikari(settings));
        } catch (RuntimeException e) {
            String where = "cannot connect to the store at " + Jdbc.redact(settings.jdbcUrl());
            if (e.getCause() instanceof SQLException sql) {
                throw new StoreException(where, sql);
            }
            throw new StoreException(where + ": " + e.getMessage(), false);
        }
        try {
            String vendor = vendor(ds);
            MigrateResult result = Flyway.configure()
                    .dataSource(ds)
                    .locations(MIGRATIONS)
                    .placeholders(placeholders(vendor))
                    .schemas(settings.schema() == null ? new String[0] : new String[] {settings.schema()})
                    .createSchemas(true)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            LOG.info("store: {} ({}), schema version {}, {} migration(s) applied",
                    Jdbc.redact(settings.jdbcUrl()), vendor, result.targetSchemaVersion, result.migrationsExecuted);
            // With WRITE_DELAY=0 an H2 file stays bounded only with this (H2Housekeeping); PostgreSQL vacuums.
            H2Housekeeping h2 = vendor.equals("H2") && housekeeping != null
                    ? H2Housekeeping.startIfFileDatabase(ds, housekeeping) : null;
            return new Store(ds, vendor, settings, h2);
        } catch (RuntimeException e) {
            ds.close();
            if (e instanceof StoreException) {
                throw e;
            }
            throw new StoreException("cannot open the store at " + Jdbc.redact(settings.jdbcUrl()) + ": "
                    + e.getMessage(), false);
        }
    }

    /** Messages and receipts: {@code recordInbound}, lookups, refusals. */
    public MessageStore messages() {
        return messages;
    }

    /** Outbound delivery state and dead letters. */
    public OutboundStore outbound() {
        return outbound;
    }

    /** ETSI objects: cases and tasks with their status; GET and LIST. */
    public ObjectStore objects() {
        return objects;
    }

    /** The append-only, hash-chained audit trail. */
    public AuditTrail audit() {
        return audit;
    }

    /** Follow-up clocks of preservations (Art. 29(7)). */
    public FollowUpClocks followUps() {
        return followUps;
    }

    /**
     * Runs {@code unit} in one transaction with one commit, on this thread: every call it makes on
     * this store's repositories joins that transaction (reads see its writes), audit events are
     * appended when it commits ({@link AuditTrail#appendOnCommit}), and nothing of it stays when it
     * throws. A unit inside a unit joins the outer one. Keep a unit to one thread, and run what must
     * not wait for its commit (e.g. sending a message that is recorded and queued at once) through
     * {@link #outsideTransaction}.
     *
     * @throws StoreException for a database failure (connect, statement, commit), saying whether a
     *                        retry may help; anything else {@code unit} throws, unchanged
     */
    public <T> T inTransaction(Unit<T> unit) throws Exception {
        try {
            return jdbc.inUnit(unit);
        } catch (SQLException e) {
            throw new StoreException("unit of work failed", e);
        }
    }

    /**
     * Runs {@code work} outside the calling thread's unit of work, if any: the store calls it makes
     * get transactions of their own, committed before it returns. The unit's own writes are not
     * visible to it and its locks stay held, so {@code work} must not wait for rows the unit wrote.
     */
    public <T> T outsideTransaction(Callable<T> work) throws Exception {
        return jdbc.apart(work);
    }

    /** {@code "H2"} or {@code "PostgreSQL"}. */
    public String vendor() {
        return vendor;
    }

    /** The pool, for health checks and tests. Do not write to the store's tables behind its back. */
    public DataSource dataSource() {
        return dataSource;
    }

    Jdbc jdbc() {
        return jdbc;
    }

    GroupCommit groupCommit() {
        return groupCommit;
    }

    /** The H2 file housekeeping, or {@code null} (PostgreSQL, in-memory or remote H2). */
    H2Housekeeping housekeeping() {
        return housekeeping;
    }

    @Override
    public void close() {
        groupCommit.close();
        if (housekeeping != null) {
            housekeeping.close();
        }
        dataSource.close();
    }

    private static HikariConfig hikari(StoreSettings s) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("lexgate-store");
        c.setJdbcUrl(s.jdbcUrl());
        c.setUsername(s.user());
        c.setPassword(s.password());
        if (s.schema() != null) {
            if (s.jdbcUrl().startsWith("jdbc:postgresql:")) {
                // A startup parameter: Connection.setSchema would be a SET that a rollback undoes.
                c.addDataSourceProperty("currentSchema", s.schema());
            } else {
                c.setSchema(s.schema());
            }
        }
        c.setMaximumPoolSize(s.maxPoolSize());
        c.setMinimumIdle(Math.min(2, s.maxPoolSize()));
        c.setAutoCommit(false);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        c.setConnectionTimeout(10_000);
        // Fail at start-up, with the reason, when the database cannot be reached.
        c.setInitializationFailTimeout(1);
        return c;
    }

    private static String vendor(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product.equals("H2") || product.equals("PostgreSQL")) {
                return product;
            }
            throw new StoreException("unsupported database " + product + ": lexgate supports H2 and PostgreSQL", false);
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the store", e);
        }
    }

    /** The only vendor differences: large binary and text columns. */
    private static Map<String, String> placeholders(String vendor) {
        return vendor.equals("H2")
                ? Map.of("blob", "BINARY LARGE OBJECT", "clob", "CHARACTER LARGE OBJECT")
                : Map.of("blob", "BYTEA", "clob", "TEXT");
    }
}
