package org.lexgate.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One test's database: an H2 file database in a fresh temporary directory, or a fresh PostgreSQL
 * schema {@code lexgate_test_<random>} in the database of {@code LEXGATE_TEST_PG_URL} (so parallel
 * and earlier runs never collide), dropped afterwards.
 */
final class TestDatabase implements AutoCloseable {

    static final String PG_URL_ENV = "LEXGATE_TEST_PG_URL";

    enum Backend {
        H2("H2"), POSTGRESQL("PostgreSQL");

        private final String label;

        Backend(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private final Backend backend;
    private final StoreSettings settings;
    private final Path dir;
    private final MutableClock clock;
    private Store store;

    private TestDatabase(Backend backend, StoreSettings settings, Path dir, MutableClock clock) {
        this.backend = backend;
        this.settings = settings;
        this.dir = dir;
        this.clock = clock;
    }

    static String postgresUrl() {
        String url = System.getenv(PG_URL_ENV);
        return url == null || url.isBlank() ? null : url;
    }

    static TestDatabase create(Backend backend) {
        MutableClock clock = new MutableClock();
        if (backend == Backend.H2) {
            try {
                Path dir = Files.createTempDirectory("lexgate-store-");
                return new TestDatabase(backend, StoreSettings.embedded(dir).withClock(clock), dir, clock);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String schema = "lexgate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        StoreSettings s = StoreSettings.jdbc(postgresUrl(), null, null).withSchema(schema).withClock(clock);
        return new TestDatabase(backend, s, null, clock);
    }

    Backend backend() {
        return backend;
    }

    StoreSettings settings() {
        return settings;
    }

    /** The store's clock: starts at 2026-11-28T09:00:00Z, moves only when told. */
    MutableClock clock() {
        return clock;
    }

    /** The open store, opened (and migrated) on first use. */
    Store store() {
        if (store == null) {
            store = Store.open(settings);
        }
        return store;
    }

    /** Closes the store and opens the same database again, as a restarted node would. */
    Store reopen() {
        if (store != null) {
            store.close();
        }
        store = null;
        return store();
    }

    /** Rows in a table, read straight from the database. */
    long count(String table) {
        return queryLong("SELECT COUNT(*) FROM " + table);
    }

    long queryLong(String sql, Object... args) {
        try (Connection c = store().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                c.commit();
                return n;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a statement behind the store's back (tamper tests). */
    int execute(String sql, Object... args) {
        try (Connection c = store().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            int n = ps.executeUpdate();
            c.commit();
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() throws SQLException, IOException {
        if (store != null) {
            store.close();
            store = null;
        }
        if (backend == Backend.POSTGRESQL) {
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl());
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + settings.schema() + " CASCADE");
            }
        } else {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
