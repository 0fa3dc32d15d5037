package org.lexgate.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 file from growing by every byte it writes. Internal; {@link Store} starts
 * one for an H2 file database this process opens itself, and stops it before it closes the pool.
 *
 * <p>Why it exists: H2 writes each commit as a new chunk at a free place in the file and reuses a
 * chunk's space only once no page in it is live any more. Under a node's load almost every chunk
 * keeps one or two live pages (a leaf of a table keyed by random UUIDs, an index leaf) for a long
 * time, so on its own hardly any chunk becomes free and the file grows by about everything written,
 * 115–200 KB per message. H2's remedy is its background writer, which moves the live pages of sparse
 * old chunks into a new one so that the old ones become free; but {@code WRITE_DELAY=0} — each
 * commit on disk before it returns, which the store needs — also switches that thread off. This
 * thread does that one job on its own schedule: every {@link Policy#interval()} it asks the MVStore
 * to rewrite the live pages of its sparsest chunks ({@link MVStore#compact(int, int)}, the same
 * rewrite H2's writer does: at most as much live data as {@link Policy#rewriteShare()} % of what
 * was written since the previous pass, only while less than {@link Policy#targetFillRate()} % of
 * the chunks' bytes are live, and only chunks older than H2's retention time, 45 s) and commits
 * them. The emptied chunks are freed by later commits (once older than the retention time and
 * unreadable by any open transaction) and their space is reused, so the file's growth falls to
 * about that of its live data instead of everything written.
 *
 * <p>Durability is unchanged: every commit still writes its chunk before it returns, and this only
 * moves pages that are already on disk, through the same MVStore operations H2's own writer uses.
 * H2 serialises them with commits on its store lock (the rewrite waits at most 10 ms for it and
 * otherwise skips the pass); a caller's commit that comes between the rewrite and this thread's
 * commit writes some of the moved pages itself. Not used: {@code MVStore.compactFile}, which sets
 * the retention time to 0 for good (h2database#2752: files that no longer open), and moving chunks
 * to shrink the file (the freed space is reused; the file need not shrink to stay bounded).
 */
final class H2Housekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    /**
     * How often and how much.
     *
     * @param interval         pause between two passes
     * @param targetFillRate   a pass does nothing while at least this many percent of the chunks'
     *                         bytes are live
     * @param rewriteShare     the most live data a pass moves out of sparse chunks, in percent of
     *                         the bytes written since the previous pass ended (so the work follows
     *                         the load): at 50, old chunks are emptied once about half their bytes
     *                         are garbage, so the old part of the file stays near twice its live
     *                         data; the chunks younger than the retention time come on top
     * @param maxRewriteBytes  the most live data one pass moves
     */
    record Policy(Duration interval, int targetFillRate, int rewriteShare, int maxRewriteBytes) {

        /** Once a second; 90 %; half of what was written; at most 64 MB a pass. */
        static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), 90, 50, 64 << 20);

        Policy {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive, was " + interval);
            }
            if (targetFillRate < 1 || targetFillRate > 100) {
                throw new IllegalArgumentException("targetFillRate must be 1..100, was " + targetFillRate);
            }
            if (rewriteShare < 1 || rewriteShare > 100) {
                throw new IllegalArgumentException("rewriteShare must be 1..100, was " + rewriteShare);
            }
            if (maxRewriteBytes < 1) {
                throw new IllegalArgumentException("maxRewriteBytes must be positive, was " + maxRewriteBytes);
            }
        }
    }

    private final DataSource dataSource;
    private final Policy policy;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    /**
     * The file's write counter at the end of the previous pass (after its own commit, so what it
     * wrote itself is not counted again), or -1 before the first. Housekeeping thread only.
     */
    private long lastWrittenBytes = -1;
    /** Passes that moved pages (tests). */
    private volatile long rewrites;

    private H2Housekeeping(DataSource dataSource, Policy policy) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.thread = new Thread(this::run, "lexgate-store-housekeeping");
        thread.setDaemon(true);
    }

    /**
     * Starts housekeeping when {@code dataSource} reaches an H2 file database that this process
     * opened (not an in-memory one, not one another process serves to us through AUTO_SERVER).
     *
     * @return the running housekeeping, or {@code null} when there is nothing to keep
     */
    static H2Housekeeping startIfFileDatabase(DataSource dataSource, Policy policy) {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = fileStore(c);
            c.rollback();
            if (store == null) {
                return null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot inspect the H2 database for housekeeping", e);
        }
        H2Housekeeping housekeeping = new H2Housekeeping(dataSource, policy);
        housekeeping.thread.start();
        return housekeeping;
    }

    /**
     * The MVStore behind {@code c}, when it is a writable file store of this process; {@code null}
     * otherwise. Holding {@code c} keeps the database open while the store is used.
     */
    static MVStore fileStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)
                || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        FileStore<?> file = store.getFileStore();
        return file == null || file.isReadOnly() ? null : store;
    }

    private void run() {
        try {
            while (!stop.await(policy.interval().toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    pass();
                } catch (SQLException | RuntimeException e) {
                    LOG.warn("store housekeeping pass failed (the next one will try again): {}", e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One pass: moves the live pages of the sparsest old chunks into a new chunk and commits it.
     * Holds a pooled connection meanwhile, so the database cannot close under it.
     *
     * @return whether anything was rewritten
     */
    boolean pass() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = fileStore(c);
            c.rollback();
            if (store == null || store.isClosed()) {
                return false;
            }
            long before = writtenBytes(store);
            long written = lastWrittenBytes < 0 ? 0 : before - lastWrittenBytes;
            long budget = Math.min(policy.maxRewriteBytes(), written * policy.rewriteShare() / 100);
            boolean rewritten = budget > 0 && store.compact(policy.targetFillRate(), (int) budget);
            if (rewritten) {
                store.commit();
                rewrites++;
            }
            lastWrittenBytes = writtenBytes(store);
            return rewritten;
        }
    }

    /** How many passes moved pages so far (tests). */
    long rewrites() {
        return rewrites;
    }

    /** Bytes H2 wrote to the file since it opened it (its public statistics; the counter itself is private). */
    private static long writtenBytes(MVStore store) {
        long[] bytes = {0};
        store.getFileStore().populateInfo((key, value) -> {
            if (key.equals("info.FILE_WRITE_BYTES")) {
                bytes[0] = Long.parseLong(value);
            }
        });
        return bytes[0];
    }

    /**
     * Stops the thread and waits for a pass in progress to end. Not by interrupt: an interrupt in the
     * middle of a write closes H2's file channel.
     */
    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("store housekeeping did not stop within 30 s");
        }
    }
}
