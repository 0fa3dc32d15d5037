package org.lexgate.gateway.inbound;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.store.SignedBytes;

/**
 * The typed message the intake bound, handed to the processing step of the same node so that it
 * need not parse and bind the stored bytes a second time. The store stays the record: the
 * processing step still reads the message row, and uses a handed-over message only when it was
 * bound from exactly the bytes the store holds ({@link #take}); otherwise — after a restart, when
 * the handover was full, or for a second delivery of the same queue entry — it parses the stored
 * bytes as before.
 *
 * <p>Each entry is taken once: the role handler may change the objects it is given, so a retry of
 * the same message binds afresh from the store. The handover holds at most {@code capacity}
 * messages of at most {@code maxBytes} signed bytes together (their typed form is of the same
 * order), so a backlog of large messages cannot fill the heap. The queue is consumed oldest first,
 * so when the handover is full a new message is not kept (the ones kept are those processed next);
 * entries nobody took for {@link #STALE} (their queue send failed after the store committed, say)
 * make room.
 */
public final class AcceptedHandover {

    /** How long an entry that nobody took holds its place once the handover is full. */
    static final Duration STALE = Duration.ofMinutes(1);

    private record Entry(SignedBytes signedBytes, HI1Message message, long keptAtNanos) {
    }

    private final int capacity;
    private final long maxBytes;
    private final long staleNanos;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long heldBytes;

    /**
     * @param capacity the most messages kept at once (0: none)
     * @param maxBytes the most signed bytes kept at once, all messages together
     */
    public AcceptedHandover(int capacity, long maxBytes) {
        this(capacity, maxBytes, STALE);
    }

    AcceptedHandover(int capacity, long maxBytes, Duration stale) {
        if (capacity < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("capacity and maxBytes must not be negative: " + capacity + ", " + maxBytes);
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.staleNanos = stale.toNanos();
    }

    /** Keeps the message the intake bound from {@code signedBytes} and stored as {@code messageId}, if there is room. */
    void put(String messageId, byte[] signedBytes, HI1Message message) {
        put(messageId, SignedBytes.of(signedBytes), message);
    }

    /** {@link #put(String, byte[], HI1Message)} for bytes held as one array or in pieces. */
    void put(String messageId, SignedBytes signedBytes, HI1Message message) {
        long size = signedBytes.length();
        if (size > maxBytes) {
            return;
        }
        long now = System.nanoTime();
        synchronized (entries) {
            Iterator<Entry> eldest = entries.values().iterator();
            while (entries.size() >= capacity || heldBytes + size > maxBytes) {
                if (!eldest.hasNext()) {
                    return; // capacity 0
                }
                Entry e = eldest.next();
                if (now - e.keptAtNanos() < staleNanos) {
                    return;
                }
                eldest.remove();
                heldBytes -= e.signedBytes().length();
            }
            Entry previous = entries.put(messageId, new Entry(signedBytes, message, now));
            heldBytes += size - (previous == null ? 0 : previous.signedBytes().length());
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
            if (entry != null) {
                heldBytes -= entry.signedBytes().length();
            }
        }
        if (entry == null || !entry.signedBytes().contentEquals(storedBytes)) {
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

    /** How many signed bytes are kept now. */
    long heldBytes() {
        synchronized (entries) {
            return heldBytes;
        }
    }
}
