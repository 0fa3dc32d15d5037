package org.lexgate.delivery;

/**
 * A delivery step that did not succeed. The subclass says what happens next:
 * {@link TransientDeliveryException} backs off and retries, {@link PermanentDeliveryException}
 * goes straight to the dead-letter queue with its reason.
 */
public abstract sealed class DeliveryException extends Exception
        permits TransientDeliveryException, PermanentDeliveryException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_REASON = 400;

    private final int code;
    private final String reason;

    DeliveryException(int code, String reason, Throwable cause) {
        super(code + " " + oneLine(reason), cause);
        this.code = code;
        this.reason = oneLine(reason);
    }

    /** The lexgate/ETSI error code of the failure (e.g. the peer's refusal code). */
    public int code() {
        return code;
    }

    /** Why, on one line (it may quote a peer, so line breaks and control characters are removed). */
    public String reason() {
        return reason;
    }

    /** Makes text safe for one log line or queue property: no control characters, bounded length. */
    static String oneLine(String text) {
        String flat = String.valueOf(text).replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return flat.length() <= MAX_REASON ? flat : flat.substring(0, MAX_REASON) + "...";
    }
}
