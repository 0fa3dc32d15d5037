package org.lexgate.message.xml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A hostile document made on the fly: a head, a chunk repeated many times, and a tail. Nothing
 * larger than one chunk is ever held in memory, so a test can feed the parser 100 MB for free.
 */
public final class RepeatingInputStream extends InputStream {

    private final byte[] head;
    private final byte[] chunk;
    private final byte[] tail;
    private final long repeats;
    private long produced;
    private long total;
    private int part; // 0 head, 1 chunks, 2 tail, 3 done
    private int offset;
    private long chunksDone;

    public RepeatingInputStream(String head, String chunk, long repeats, String tail) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.chunk = chunk.getBytes(StandardCharsets.UTF_8);
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
        this.repeats = repeats;
        this.total = this.head.length + this.chunk.length * repeats + this.tail.length;
    }

    /** Bytes handed out so far: shows a test how far the parser read before it stopped. */
    public long produced() {
        return produced;
    }

    public long totalLength() {
        return total;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (part < 3) {
            byte[] current = part == 0 ? head : part == 1 ? chunk : tail;
            if (part == 1 && chunksDone >= repeats) {
                part = 2;
                offset = 0;
                continue;
            }
            if (offset >= current.length) {
                if (part == 1) {
                    chunksDone++;
                    offset = 0;
                    continue;
                }
                part++;
                offset = 0;
                continue;
            }
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, buffer, off, n);
            offset += n;
            produced += n;
            return n;
        }
        return -1;
    }
}
