package org.lexgate.soap;

import java.util.Optional;

import org.lexgate.message.ErrorCode;

/**
 * A {@link HopClient#submit} that did not end with a verified receipt. {@link #kind()} says whose
 * side the failure is on, {@link #retryable()} whether sending the same message again may succeed
 * (the receiver answers a retried message with its original receipt, so retrying is safe).
 */
public final class HopException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whose side the failure is on. */
    public enum Kind {
        /** The neighbour refused the message with a code; {@link #safeText()} is its text. */
        REFUSED,
        /** The neighbour could not be reached, or answered with something that is not a hop fault. */
        UNREACHABLE,
        /** The neighbour's answer failed this node's checks (signature, Timestamp, neighbour). */
        RESPONSE_REJECTED
    }

    private final Kind kind;
    private final int code;
    private final String safeText;
    private final boolean retryable;

    HopException(Kind kind, int code, String safeText, boolean retryable, String detail, Throwable cause) {
        super(kind + " " + code + " " + safeText + (detail == null ? "" : ": " + detail), cause);
        this.kind = kind;
        this.code = code;
        this.safeText = safeText;
        this.retryable = retryable;
    }

    static HopException local(Kind kind, ErrorCode code, String detail, Throwable cause) {
        return new HopException(kind, code.code(), code.safeText(), code.isTransient(), detail, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The error code: the neighbour's for {@link Kind#REFUSED}, this node's otherwise. */
    public int code() {
        return code;
    }

    /** The code as lexgate knows it, if it does (a peer may send codes this version does not know). */
    public Optional<ErrorCode> errorCode() {
        return ErrorCode.byCode(code);
    }

    /** The text that goes with the code; for a refusal, as the neighbour sent it. */
    public String safeText() {
        return safeText;
    }

    /** True when the same message may succeed later: back off and retry. */
    public boolean retryable() {
        return retryable;
    }
}
