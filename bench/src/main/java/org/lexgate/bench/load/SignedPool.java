package org.lexgate.bench.load;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.lexgate.trust.signature.DocumentSigner;

/**
 * Requests signed before the clock starts, each with its own TransactionIdentifier (a node refuses
 * a repeated one as a duplicate), kept off the heap (direct buffers) so that the pool does not
 * count in the node's heap figures. {@link #next()} hands each out once, as a fresh byte array.
 */
public final class SignedPool {

    private final List<ByteBuffer> messages;
    private final AtomicInteger next = new AtomicInteger();
    private final long totalBytes;

    private SignedPool(List<ByteBuffer> messages) {
        this.messages = messages;
        long sum = 0;
        for (ByteBuffer b : messages) {
            sum += b.capacity();
        }
        this.totalBytes = sum;
    }

    /**
     * Signs {@code count} messages made by {@code unsigned} (given a fresh TransactionIdentifier) on
     * {@code threads} threads.
     */
    public static SignedPool sign(int count, int threads, DocumentSigner signer, Function<UUID, byte[]> unsigned)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "bench-presign");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ByteBuffer>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    byte[] signed = signer.sign(unsigned.apply(UUID.randomUUID()));
                    ByteBuffer direct = ByteBuffer.allocateDirect(signed.length);
                    direct.put(signed).flip();
                    return direct;
                }));
            }
            List<ByteBuffer> out = new ArrayList<>(count);
            for (Future<ByteBuffer> f : futures) {
                out.add(f.get());
            }
            return new SignedPool(out);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The next unused message, or null when the pool is spent. */
    public byte[] next() {
        int i = next.getAndIncrement();
        if (i >= messages.size()) {
            return null;
        }
        ByteBuffer b = messages.get(i).duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    public int size() {
        return messages.size();
    }

    public int used() {
        return Math.min(next.get(), messages.size());
    }

    public boolean spent() {
        return next.get() >= messages.size();
    }

    /** Off-heap bytes held by the pool (they count in the process's RSS, not in its heap). */
    public long totalBytes() {
        return totalBytes;
    }

    /** The size of the first message (all messages of a pool have about the same size). */
    public int messageBytes() {
        return messages.isEmpty() ? 0 : (int) (totalBytes / messages.size());
    }
}
