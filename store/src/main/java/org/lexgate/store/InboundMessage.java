package org.lexgate.store;

import java.util.Objects;

/**
 * An inbound message that passed every check, to be recorded with {@link MessageStore#recordInbound}.
 *
 * @param sender        the sender party id from the header (the business key's first half)
 * @param receiver      the receiver party id from the header
 * @param transactionId the header's TransactionIdentifier (the business key's second half)
 * @param signedBytes   the exact bytes whose document signature was verified (stored as given)
 * @param signer        the document signer's certificate
 * @param neighbour     the party that handed the message over (hop signature), or {@code null}
 * @param caseRef       the case it belongs to (Authorisation ObjectIdentifier or external
 *                      reference), or {@code null}
 * @param emergency     whether the message is an emergency (IsEmergency or High priority)
 */
public record InboundMessage(String sender, String receiver, String transactionId, byte[] signedBytes,
                             SignerRef signer, String neighbour, String caseRef, boolean emergency) {

    public InboundMessage {
        Jdbc.requireText(sender, "sender");
        Jdbc.requireText(receiver, "receiver");
        Jdbc.requireText(transactionId, "transactionId");
        Objects.requireNonNull(signedBytes, "signedBytes");
        Objects.requireNonNull(signer, "signer");
    }
}
