package org.lexgate.store;

/**
 * A refused message, for the audit trail only (a refusal never leaves a message row). Every field
 * but {@code code} may be {@code null}: a refused message may not even parse.
 *
 * @param sender        the claimed sender, if it could be read
 * @param transactionId the claimed TransactionIdentifier, if it could be read
 * @param caseRef       the case it claims to belong to, if it could be read
 * @param neighbour     the neighbour that handed it over, if known
 * @param sha256        SHA-256 (hex) of the received bytes
 * @param signerSubject the document signer's subject, if the signature could be read
 * @param code          the ETSI or lexgate error code sent to the peer
 * @param detail        the internal reason (never sent to the peer)
 */
public record Refusal(String sender, String transactionId, String caseRef, String neighbour, String sha256,
                      String signerSubject, int code, String detail) {
}
