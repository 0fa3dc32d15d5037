package org.lexgate.delivery;

/**
 * Told the outcome of each outbound message so the node can record it in its store and trail.
 * Both calls run inside the queue transaction: the message leaves its queue only after the call
 * returns, so a crash in between means the call is made again (make recording idempotent). A call
 * that throws leaves the message on its queue.
 */
public interface DeliveryListener {

    /** The destination accepted the message and its receipt passed the {@link ReceiptCheck}. */
    void delivered(OutboundMessage message, byte[] receipt, int attempts);

    /**
     * The message was given up and moved to the dead-letter queue.
     *
     * @param reason   why, on one line
     * @param code     the error code (the peer's refusal code, or lexgate's)
     * @param attempts how many sends were tried in the last delivery
     */
    void deadLettered(OutboundMessage message, String reason, int code, int attempts);

    /** A listener that records nothing. */
    DeliveryListener NONE = new DeliveryListener() {
        @Override
        public void delivered(OutboundMessage message, byte[] receipt, int attempts) {
        }

        @Override
        public void deadLettered(OutboundMessage message, String reason, int code, int attempts) {
        }
    };
}
