package org.lexgate.soap;

import java.util.Objects;

import org.lexgate.message.ErrorCode;

/**
 * Why a hop was refused: the code the peer gets (with its safe text), the detail for the log, and
 * whether the refusal is an expected one (a bad or hostile message: one concise log line) or a
 * fault of this node (logged with its stack trace).
 */
record HopFailure(ErrorCode code, String detail, boolean expected) {
    private static final int MAX_DETAIL = 400;

    HopFailure {
        Objects.requireNonNull(code, "code");
        detail = oneLine(Objects.requireNonNull(detail, "detail"));
    }

    /**
     * Makes a detail safe for a single log line: the detail may quote what a peer sent, so line
     * breaks and control characters (log forging) are replaced and the length is bounded.
     */
    static String oneLine(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }

    static HopFailure refused(ErrorCode code, String detail) {
        return new HopFailure(code, detail, true);
    }

    static HopFailure internal(ErrorCode code, String detail) {
        return new HopFailure(code, detail, false);
    }
}
