package org.lexgate.message.xml;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes the parser reads and fails as soon as one more than the limit arrives, so an
 * oversized message is refused after reading at most {@code limit + 1} bytes. Optionally keeps a
 * copy of what was read (the exact bytes of a message read from a stream).
 */
final class BoundedInputStream extends FilterInputStream {

    /** Thrown through the parser when the limit is passed; recognised by {@link HardenedXml}. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("document exceeds " + limit + " bytes");
        }
    }

    private final long limit;
    private final ByteArrayOutputStream copy;
    private long count;

    BoundedInputStream(InputStream in, long limit, ByteArrayOutputStream copy) {
        super(in);
        this.limit = limit;
        this.copy = copy;
    }

    /** How many bytes were read so far. */
    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            account(1);
            if (copy != null) {
                copy.write(b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        long room = limit + 1 - count;
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(room, 1)));
        if (n > 0) {
            account(n);
            if (copy != null) {
                copy.write(buffer, offset, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void account(int n) throws TooLargeException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(limit);
        }
    }
}
