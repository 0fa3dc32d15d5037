package org.lexgate.store;

import java.util.Objects;

/**
 * A signed message about to be sent, for {@link OutboundStore#recordOutbound}. For a forwarded
 * message, sender, TransactionIdentifier and bytes are the original's, unchanged.
 *
 * @param sender        the sender party id in the header
 * @param receiver      the receiver party id in the header
 * @param transactionId the header's TransactionIdentifier
 * @param signedBytes   the exact signed bytes to send (stored as given)
 * @param signer        the document signer's certificate
 * @param destination   the party to deliver to (the next hop; may differ from the receiver)
 * @param lane          the delivery lane
 * @param caseRef       the case it belongs to, or {@code null}
 * @param emergency     whether the message is an emergency
 */
public record OutboundMessage(String sender, String receiver, String transactionId, byte[] signedBytes,
                              SignerRef signer, String destination, Lane lane, String caseRef,
                              boolean emergency) {

    public OutboundMessage {
        Jdbc.requireText(sender, "sender");
        Jdbc.requireText(receiver, "receiver");
        Jdbc.requireText(transactionId, "transactionId");
        Objects.requireNonNull(signedBytes, "signedBytes");
        Objects.requireNonNull(signer, "signer");
        Jdbc.requireText(destination, "destination");
        Objects.requireNonNull(lane, "lane");
    }
}
