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
