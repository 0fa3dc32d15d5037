package org.lexgate.message;

import java.util.Objects;

/**
 * A message, or a part of one, was refused. It carries the {@link ErrorCode} (number and safe text
 * for the peer) and a detail for the log: {@link #getMessage()} is the detail and must never be
 * sent to a peer; {@link #safeText()} may be.
 */
public class MessageRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public MessageRejectedException(ErrorCode code, String detail) {
        super(Objects.requireNonNull(detail, "detail"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public MessageRejectedException(ErrorCode code, String detail, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** The text that may be shown to the peer. */
    public String safeText() {
        return code.safeText();
    }

    /** One line for the command line and logs: {@code <code> <safe text>}. */
    public String toPeerLine() {
        return code.code() + " " + code.safeText();
    }
}
