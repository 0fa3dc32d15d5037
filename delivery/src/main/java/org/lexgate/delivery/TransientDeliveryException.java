package org.lexgate.delivery;

/**
 * A failure that may go away: the destination is unreachable, busy (3019) or could not take the
 * message now, or the node could not store the receipt. The message is sent again with exponential
 * backoff and jitter, up to the destination's limit; it counts against the partner's circuit
 * breaker when it came from the partner.
 */
public final class TransientDeliveryException extends DeliveryException {

    private static final long serialVersionUID = 1L;

    public TransientDeliveryException(int code, String reason) {
        super(code, reason, null);
    }

    public TransientDeliveryException(int code, String reason, Throwable cause) {
        super(code, reason, cause);
    }
}
