package org.lexgate.gateway.outbound;

import org.lexgate.hi1.core.HI1Message;
import org.lexgate.trust.directory.PartyId;

/**
 * How a node's roles send messages: every message leaves signed by this node's document key (or,
 * when relayed, unchanged with the original signature), recorded in the store and queued on the
 * destination's lane; the delivery module sends it with retries and checks the receipt.
 */
public interface MessageSender {

    /**
     * Signs an HI1Message with this node's key, stores it and queues it for its header's receiver
     * (or the next hop the routing table names for it).
     *
     * @param caseReference the case (reference) it belongs to, for the trail
     */
    SentMessage send(HI1Message unsigned, boolean emergency, String caseReference) throws Exception;

    /**
     * Forwards an already signed document unchanged (a contact point's "forward" mode): the original
     * signature travels end to end, this node signs only the hop.
     */
    SentMessage forward(byte[] signedBytes, PartyId nextHop, boolean emergency, String caseReference) throws Exception;

    /**
     * Signs an HI1Message with this node's key, stores it and queues it for an explicit next hop: how
     * an answer travels back the way its request came (DESIGN.md "Cross-border"), e.g. a provider's
     * answer to a foreign agency goes back through the contact point that handed the request over.
     * Added by the roles; an implementation that cannot choose the hop throws
     * UnsupportedOperationException and the roles fall back to {@link #send}.
     */
    default SentMessage sendVia(HI1Message unsigned, PartyId nextHop, boolean emergency, String caseReference) throws Exception {
        throw new UnsupportedOperationException("sendVia is not implemented by " + getClass().getName());
    }

    /**
     * What was queued.
     *
     * @param messageId the store's id
     * @param transactionId the message's TransactionIdentifier
     * @param destination the party it was queued for
     * @param digest SHA-256 of the signed bytes, lower-case hex
     */
    record SentMessage(String messageId, String transactionId, PartyId destination, String digest) {
    }
}
