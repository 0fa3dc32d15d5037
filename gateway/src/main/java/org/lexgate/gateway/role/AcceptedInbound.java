package org.lexgate.gateway.role;

import java.time.Instant;
import java.util.Objects;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.store.SignerRef;
import org.lexgate.trust.directory.PartyId;

/**
 * A message that passed every acceptance check, is durably stored and has been answered with a
 * signed receipt: what the node's roles act on. {@code signedBytes} are the exact bytes whose
 * signature the intake verified before it stored them, and the typed message is bound from them.
 *
 * @param messageId the store's id of the message
 * @param sender the party that signed and sent it (document signer = header sender)
 * @param receiver the header's receiver (this node, or a party this node relays for)
 * @param transactionId the header's TransactionIdentifier
 * @param signedBytes the exact signed bytes
 * @param digest SHA-256 of {@code signedBytes}, lower-case hex
 * @param message the typed message
 * @param emergency true for IsEmergency or High priority (the emergency lane)
 * @param hopNeighbour the neighbour that handed it over (SOAP hop signer), or null for a queue or ETSI POST
 * @param receivedAt when the node received it
 * @param signer the document signer's certificate (subject and serial) as the intake recorded it
 */
public record AcceptedInbound(
        String messageId,
        PartyId sender,
        PartyId receiver,
        String transactionId,
        byte[] signedBytes,
        String digest,
        HI1Message message,
        boolean emergency,
        String hopNeighbour,
        Instant receivedAt,
        SignerRef signer) {

    public AcceptedInbound {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(signedBytes, "signedBytes");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(signer, "signer");
    }
}
