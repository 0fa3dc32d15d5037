package org.lexgate.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the units of work of concurrent callers run one after the other on a single writer
 * thread, in one transaction with one commit, and each caller returns only after that commit — so
 * a receipt is still sent only for a message that is durably stored, but a busy node pays for one
 * commit per batch instead of one per message (a commit is the dearest part of a small write on
 * both databases: H2 writes a new chunk, PostgreSQL flushes its log).
 *
 * <p>A unit that fails rolls its batch back; then every unit of that batch runs again alone, in a
 * transaction of its own on its caller's thread, so the failure reaches only its own caller. A lone
 * caller makes a batch of one. Internal; see {@link Jdbc#inGroupTransaction}.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 64;
    /** Completes a caller's future when its unit must run again alone. */
    private static final Object ALONE = new Object();

    private record Pending(Jdbc.Work<?> work, CompletableFuture<Object> done) {
    }

    /** Queued by {@link #close()}: the writer stops after the batch it is in. */
    private static final Pending STOP = new Pending(null, null);

    private final Jdbc jdbc;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(Jdbc jdbc, String name) {
        this.jdbc = jdbc;
        this.writer = new Thread(this::write, name);
        writer.setDaemon(true);
        writer.start();
    }

    @SuppressWarnings("unchecked")
    <T> T run(String what, Jdbc.Work<T> work) {
        Pending pending = new Pending(work, new CompletableFuture<>());
        queue.add(pending);
        if (closed) {
            drain(); // the writer may have gone before this was queued
        }
        Object result = pending.done().join();
        return result == ALONE ? jdbc.inTransaction(what, work) : (T) result;
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        boolean stop = false;
        while (!stop) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stop = batch.remove(STOP);
            if (batch.isEmpty()) {
                break;
            }
            List<Object> results;
            try {
                results = jdbc.inOneTransaction(batch.stream().map(Pending::work).toList());
            } catch (Exception | Error e) {
                if (batch.size() > 1) {
                    LOG.debug("a batch of {} failed ({}); each runs again alone", batch.size(), e.toString());
                }
                results = null;
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results == null ? ALONE : results.get(i));
            }
            batch.clear();
        }
        drain();
    }

    /** Hands whatever is still queued back to its callers, to run alone. */
    private void drain() {
        for (Pending p; (p = queue.poll()) != null; ) {
            if (p != STOP) {
                p.done().complete(ALONE);
            }
        }
    }

    /** Calls waiting for the writer (tests). */
    int queued() {
        return queue.size();
    }

    /**
     * Stops the writer once its current batch is committed; later calls run alone. (Not by interrupt:
     * an interrupt in the middle of a write closes H2's file channel.)
     */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }
}
