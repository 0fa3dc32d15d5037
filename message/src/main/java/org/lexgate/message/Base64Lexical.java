package org.lexgate.message;

import java.util.List;

/**
 * The lexical rule of {@code xs:base64Binary}, checked by streaming over the characters as the JDK's
 * schema validator (Xerces) checks it, so that a value of megabytes is checked without a copy.
 *
 * <p>The validator collapses whitespace, then decodes ({@code impl.dv.util.Base64.decode}); the value
 * is valid when that decoding succeeds. This is the same rule, character by character:
 * <ul>
 *   <li>space, tab, CR and LF are ignored wherever they are;</li>
 *   <li>the other characters number a multiple of four (none at all is valid: the empty value);</li>
 *   <li>each is of the base64 alphabet {@code A-Z a-z 0-9 + /}, except that the last one, or the last
 *       two, may be the pad {@code =};</li>
 *   <li>with one pad, the character before it carries no bits beyond the data (its value has the two
 *       low bits clear); with two, the character before them has its four low bits clear.</li>
 * </ul>
 * {@code SchemaCheckBase64Test} checks this against the validator itself, value for value.
 */
final class Base64Lexical {

    private static final boolean[] ALPHABET = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ALPHABET[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALPHABET[c] = true;
        }
        ALPHABET['+'] = true;
        ALPHABET['/'] = true;
    }

    private Base64Lexical() {
    }

    /** What the value is, lexically; {@link #problem} is null when it is valid. */
    record Verdict(String problem, boolean empty) {
    }

    /**
     * Checks the value made of {@code parts} (in order, as if joined).
     *
     * @return the verdict: a problem for the log (never the value itself beyond one character), or
     *         valid, and whether the value is empty once its whitespace is ignored
     */
    static Verdict check(List<String> parts) {
        long count = 0;     // characters other than whitespace
        long firstPad = -1; // index (among those) of the first '='
        char beforePad = 0; // the last alphabet character before the first '='
        for (String part : parts) {
            for (int i = 0, n = part.length(); i < n; i++) {
                char c = part.charAt(i);
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    continue;
                }
                if (c == '=') {
                    if (firstPad < 0) {
                        firstPad = count;
                    }
                } else if (c >= 128 || !ALPHABET[c]) {
                    return invalid("character U+" + String.format("%04X", (int) c) + " at position " + count
                            + " (whitespace not counted) is not of the base64 alphabet");
                } else if (firstPad >= 0) {
                    return invalid("data after the pad '=' at position " + firstPad);
                } else {
                    beforePad = c;
                }
                count++;
            }
        }
        if (count % 4 != 0) {
            return invalid(count + " base64 characters (whitespace not counted), not a multiple of four");
        }
        if (firstPad >= 0) {
            long pads = count - firstPad;
            if (pads > 2) {
                return invalid("the pad '=' at position " + firstPad + ", before the last two characters");
            }
            int bits = sextet(beforePad);
            if (pads == 1 && (bits & 0x3) != 0 || pads == 2 && (bits & 0xf) != 0) {
                return invalid("the character before the pad carries bits beyond the data");
            }
        }
        return new Verdict(null, count == 0);
    }

    /**
     * Decodes a value that {@link #check} found valid, from its parts (in order, as if joined), into
     * an array of exactly its length: what the JAXB runtime's decoder gives for the joined value,
     * without joining it.
     *
     * @throws IllegalArgumentException when the value is not valid (check it first)
     */
    static byte[] decode(List<String> parts) {
        Verdict verdict = check(parts);
        if (verdict.problem() != null) {
            throw new IllegalArgumentException("not a valid xs:base64Binary value: " + verdict.problem());
        }
        long symbols = 0;
        long pads = 0;
        for (String part : parts) {
            for (int i = 0, n = part.length(); i < n; i++) {
                char c = part.charAt(i);
                if (c == '=') {
                    pads++;
                } else if (c < 128 && ALPHABET[c]) {
                    symbols++;
                }
            }
        }
        long length = (symbols + pads) / 4 * 3 - pads;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a base64 value of " + length + " bytes is larger than an array");
        }
        byte[] out = new byte[(int) length];
        int at = 0;
        int buffer = 0;
        int bits = 0;
        for (String part : parts) {
            for (int i = 0, n = part.length(); i < n; i++) {
                char c = part.charAt(i);
                if (c >= 128 || !ALPHABET[c]) {
                    continue; // whitespace, and the pads at the end
                }
                buffer = buffer << 6 | sextet(c);
                bits += 6;
                if (bits >= 8) {
                    bits -= 8;
                    out[at++] = (byte) (buffer >> bits);
                    buffer &= (1 << bits) - 1;
                }
            }
        }
        if (at != out.length) {
            throw new IllegalStateException("decoded " + at + " bytes, expected " + out.length);
        }
        return out;
    }

    private static Verdict invalid(String problem) {
        return new Verdict(problem, false);
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : 63;
    }
}
