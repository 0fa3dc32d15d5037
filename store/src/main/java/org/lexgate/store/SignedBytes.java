package org.lexgate.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The exact bytes of a message, held as one array or as the consecutive pieces they arrived in (a
 * request body of megabytes read as it came, whose length was not known in advance): the store
 * writes a large message in parts from its pieces ({@link MessageStore}), so the pieces need not be
 * joined into one array first. {@link #toArray} joins them when an array is asked for, once.
 *
 * <p>Immutable by contract: the arrays are not copied, so the caller must not change them.
 */
public final class SignedBytes {

    private final List<byte[]> pieces;
    private final int length;
    private volatile byte[] joined;

    private SignedBytes(List<byte[]> pieces, int length, byte[] joined) {
        this.pieces = pieces;
        this.length = length;
        this.joined = joined;
    }

    /** These bytes (not copied). */
    public static SignedBytes of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new SignedBytes(List.of(bytes), bytes.length, bytes);
    }

    /** The bytes of {@code pieces}, in order (not copied; empty pieces are allowed). */
    public static SignedBytes ofPieces(List<byte[]> pieces) {
        List<byte[]> list = new ArrayList<>(pieces.size());
        long length = 0;
        for (byte[] piece : pieces) {
            list.add(Objects.requireNonNull(piece, "piece"));
            length += piece.length;
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(length + " bytes are more than one array holds");
        }
        return list.size() == 1 ? of(list.get(0)) : new SignedBytes(Collections.unmodifiableList(list), (int) length, null);
    }

    public int length() {
        return length;
    }

    /** Whether the bytes are one array already ({@link #toArray} then costs nothing). */
    public boolean isArray() {
        return joined != null;
    }

    /** The bytes as one array: the array itself when they are one, else the pieces joined (once). */
    public byte[] toArray() {
        byte[] array = joined;
        if (array == null) {
            array = new byte[length];
            int at = 0;
            for (byte[] piece : pieces) {
                System.arraycopy(piece, 0, array, at, piece.length);
                at += piece.length;
            }
            joined = array;
        }
        return array;
    }

    /** The bytes as a stream, from the pieces (no copy). */
    public InputStream stream() {
        return range(0, length);
    }

    /** {@code count} bytes from {@code from} as a stream, from the pieces (no copy). */
    public InputStream range(int from, int count) {
        if (from < 0 || count < 0 || from > length - count) {
            throw new IndexOutOfBoundsException("range " + from + "+" + count + " of " + length + " bytes");
        }
        byte[] array = joined;
        if (array != null) {
            return new ByteArrayInputStream(array, from, count);
        }
        List<InputStream> streams = new ArrayList<>();
        int at = 0;
        for (byte[] piece : pieces) {
            int start = Math.max(from, at);
            int end = Math.min(from + count, at + piece.length);
            if (start < end) {
                streams.add(new ByteArrayInputStream(piece, start - at, end - start));
            }
            at += piece.length;
        }
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    /** SHA-256 of the bytes, lower-case hex. */
    public String sha256Hex() {
        MessageDigest digest = Sha256.newDigest();
        byte[] array = joined;
        if (array != null) {
            digest.update(array);
        } else {
            pieces.forEach(digest::update);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether {@code other} holds exactly these bytes. */
    public boolean contentEquals(byte[] other) {
        if (other == null || other.length != length) {
            return false;
        }
        byte[] array = joined;
        if (array != null) {
            return Arrays.equals(array, other);
        }
        int at = 0;
        for (byte[] piece : pieces) {
            if (!Arrays.equals(piece, 0, piece.length, other, at, at + piece.length)) {
                return false;
            }
            at += piece.length;
        }
        return true;
    }
}
