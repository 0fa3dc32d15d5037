package org.lexgate.store;

import java.util.Objects;

/**
 * An inbound message that passed every check, to be recorded with {@link MessageStore#recordInbound}.
 *
 * @param sender        the sender party id from the header (the business key's first half)
 * @param receiver      the receiver party id from the header
 * @param transactionId the header's TransactionIdentifier (the business key's second half)
 * @param signed        the exact bytes whose document signature was verified (stored as given), as
 *                      one array or in the pieces they arrived in
 * @param signer        the document signer's certificate
 * @param neighbour     the party that handed the message over (hop signature), or {@code null}
 * @param caseRef       the case it belongs to (Authorisation ObjectIdentifier or external
 *                      reference), or {@code null}
 * @param emergency     whether the message is an emergency (IsEmergency or High priority)
 */
public record InboundMessage(String sender, String receiver, String transactionId, SignedBytes signed,
                             SignerRef signer, String neighbour, String caseRef, boolean emergency) {

    public InboundMessage {
        Jdbc.requireText(sender, "sender");
        Jdbc.requireText(receiver, "receiver");
        Jdbc.requireText(transactionId, "transactionId");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(signer, "signer");
    }

    /** With the signed bytes as one array. */
    public InboundMessage(String sender, String receiver, String transactionId, byte[] signedBytes,
                          SignerRef signer, String neighbour, String caseRef, boolean emergency) {
        this(sender, receiver, transactionId, SignedBytes.of(Objects.requireNonNull(signedBytes, "signedBytes")),
                signer, neighbour, caseRef, emergency);
    }

    /** The signed bytes as one array ({@link SignedBytes#toArray}: joined, once, if they are in pieces). */
    public byte[] signedBytes() {
        return signed.toArray();
    }
}
