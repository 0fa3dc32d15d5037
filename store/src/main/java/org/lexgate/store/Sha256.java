package org.lexgate.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 as lower-case hex, the form every digest column holds. Internal. */
final class Sha256 {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** {@code null} stays {@code null}; anything else must be 64 hex digits (either case). */
    static String checkHex(String digest, String name) {
        if (digest == null) {
            return null;
        }
        String lower = digest.toLowerCase(java.util.Locale.ROOT);
        if (!HEX64.matcher(lower).matches()) {
            throw new IllegalArgumentException(name + " must be a SHA-256 digest in hex, was " + digest);
        }
        return lower;
    }
}
