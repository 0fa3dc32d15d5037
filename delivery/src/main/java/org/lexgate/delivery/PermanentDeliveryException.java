package org.lexgate.delivery;

/**
 * A failure that sending again will not cure: the destination refused the message with a code, or
 * its receipt does not name the message or fails its document signature. The message goes straight
 * to the dead-letter queue with this reason and code, where an operator can read and resend it.
 */
public final class PermanentDeliveryException extends DeliveryException {

    private static final long serialVersionUID = 1L;

    public PermanentDeliveryException(int code, String reason) {
        super(code, reason, null);
    }

    public PermanentDeliveryException(int code, String reason, Throwable cause) {
        super(code, reason, cause);
    }
}
