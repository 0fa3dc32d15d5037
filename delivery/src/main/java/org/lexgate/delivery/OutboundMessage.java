package org.lexgate.delivery;

import java.util.Objects;

/**
 * One signed message on its way to a destination.
 *
 * @param messageId   the node's id for it (TransactionIdentifier or store key)
 * @param destination the party id it goes to
 * @param emergency   true for the emergency lane
 * @param signed      the exact signed bytes (not copied: do not modify)
 */
public record OutboundMessage(String messageId, String destination, boolean emergency, byte[] signed) {
    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Queues.checkParty(destination);
        Objects.requireNonNull(signed, "signed");
        if (messageId.isBlank() || messageId.length() > 256) {
            throw new IllegalArgumentException("message id must be 1..256 characters");
        }
    }

    @Override
    public String toString() {
        return "message " + messageId + " to " + destination + (emergency ? " (emergency)" : "");
    }
}
