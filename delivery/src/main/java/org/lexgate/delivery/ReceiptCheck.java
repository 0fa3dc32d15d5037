package org.lexgate.delivery;

/**
 * What the node does with the receipt a destination returned, before the message counts as
 * delivered: verify the receipt's document signature (signed by the destination), check that it
 * names the sent message's TransactionIdentifier and digest, and store it durably.
 *
 * <p>Contract: return normally only once the receipt is stored. Throw
 * {@link PermanentDeliveryException} when the receipt is not a valid receipt for this message (the
 * message is dead-lettered with the reason); throw {@link TransientDeliveryException} when the
 * check could not be done now (e.g. the store is down: the check is retried). Any other exception
 * leaves the message on its queue to be sent again later. May be called more than once for one
 * message (at-least-once send): make storing idempotent.
 */
@FunctionalInterface
public interface ReceiptCheck {

    /** Checks and stores {@code receipt}, the exact bytes the destination answered {@code message} with. */
    void check(OutboundMessage message, byte[] receipt) throws DeliveryException;
}
