package org.lexgate.soap;

import org.lexgate.message.MessageRejectedException;

/**
 * What a {@link HopEndpoint} does with a message whose hop was verified: it checks and stores the
 * message (the node's pipeline) and returns the exact bytes of its signed receipt.
 *
 * <p>Contract: return the receipt only once the message is durably stored. Throw
 * {@link MessageRejectedException} to refuse: the peer gets a SOAP fault with the code and its
 * safe text, never the exception's detail (that goes to the log). Any other exception is a fault
 * of this node: the peer gets {@code 3019 TEMPORARILY_UNAVAILABLE} and may retry.
 */
@FunctionalInterface
public interface HopHandler {

    /** Turns one verified delivery into the bytes of its signed receipt. */
    byte[] receive(HopDelivery delivery) throws MessageRejectedException;
}
