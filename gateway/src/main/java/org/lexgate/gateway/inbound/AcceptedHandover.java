package org.lexgate.gateway.inbound;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lexgate.hi1.core.HI1Message;

/**
 * The typed message the intake bound, handed to the processing step of the same node so that it
 * need not parse and bind the stored bytes a second time. The store stays the record: the
 * processing step still reads the message row, and uses a handed-over message only when it was
 * bound from exactly the bytes the store holds ({@link #take}); otherwise — after a restart, for a
 * message handed over more than {@code capacity} accepts ago, a large message, or a second delivery
 * of the same queue entry — it parses the stored bytes as before.
 *
 * <p>Each entry is taken once: the role handler may change the objects it is given, so a retry of
 * the same message binds afresh from the store. The queue is consumed oldest first, so when
 * {@code capacity} messages are waiting a new one is not kept (the ones kept are those processed
 * next); an entry nobody took for {@link #STALE} (its queue send failed after the store committed,
 * say) makes room.
 */
public final class AcceptedHandover {

    /** Messages larger than this are not kept: their typed form is large, and parsing is a small part of their handling. */
    static final int MAX_BYTES = 256 * 1024;

    /** How long an entry that nobody took holds its place once the handover is full. */
    static final Duration STALE = Duration.ofMinutes(1);

    private record Entry(byte[] signedBytes, HI1Message message, long keptAtNanos) {
    }

    private final int capacity;
    private final long staleNanos;
    private final Map<String, Entry> entries;

    /** @param capacity the most messages kept at once (0: none) */
    public AcceptedHandover(int capacity) {
        this(capacity, STALE);
    }

    AcceptedHandover(int capacity, Duration stale) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.staleNanos = stale.toNanos();
        this.entries = new LinkedHashMap<>();
    }

    /** Keeps the message the intake bound from {@code signedBytes} and stored as {@code messageId}. */
    void put(String messageId, byte[] signedBytes, HI1Message message) {
        if (capacity == 0 || signedBytes.length > MAX_BYTES) {
            return;
        }
        long now = System.nanoTime();
        synchronized (entries) {
            if (entries.size() >= capacity) {
                Iterator<Entry> eldest = entries.values().iterator();
                if (now - eldest.next().keptAtNanos() < staleNanos) {
                    return;
                }
                eldest.remove();
            }
            entries.put(messageId, new Entry(signedBytes, message, now));
        }
    }

    /**
     * The message bound from {@code storedBytes} for {@code messageId}, if the intake handed one over
     * and it was bound from these very bytes; the entry is removed either way.
     */
    Optional<HI1Message> take(String messageId, byte[] storedBytes) {
        Entry entry;
        synchronized (entries) {
            entry = entries.remove(messageId);
        }
        if (entry == null || !Arrays.equals(entry.signedBytes(), storedBytes)) {
            return Optional.empty();
        }
        return Optional.of(entry.message());
    }

    /** How many messages are kept now. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
