package org.lexgate.store;

import java.util.Objects;
import java.util.UUID;

/**
 * An event to append to the audit trail. Build with {@link #of} and the {@code with...} methods;
 * every field but {@code type} may be {@code null}.
 *
 * @param type          what happened
 * @param caseRef       the case or reference it belongs to ({@link AuditTrail#trail} selects by it)
 * @param party         the other party involved (sender, destination, requester, operator)
 * @param transactionId the message's TransactionIdentifier
 * @param messageId     the stored message, if any
 * @param messageSha256 SHA-256 (hex) of the message's bytes
 * @param signerSubject the document signer's certificate subject
 * @param code          an error code (refusals, dead letters)
 * @param detail        free text, cut to 4000 characters
 */
public record AuditEntry(AuditEventType type, String caseRef, String party, String transactionId,
                         UUID messageId, String messageSha256, String signerSubject, Integer code,
                         String detail) {

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        messageSha256 = Sha256.checkHex(messageSha256, "messageSha256");
        detail = Jdbc.fit(detail, 4000);
    }

    public static AuditEntry of(AuditEventType type, String caseRef) {
        return new AuditEntry(type, caseRef, null, null, null, null, null, null, null);
    }

    public AuditEntry withParty(String p) {
        return new AuditEntry(type, caseRef, p, transactionId, messageId, messageSha256, signerSubject, code, detail);
    }

    public AuditEntry withTransactionId(String t) {
        return new AuditEntry(type, caseRef, party, t, messageId, messageSha256, signerSubject, code, detail);
    }

    public AuditEntry withMessage(UUID id, String sha256) {
        return new AuditEntry(type, caseRef, party, transactionId, id, sha256, signerSubject, code, detail);
    }

    public AuditEntry withSigner(String subject) {
        return new AuditEntry(type, caseRef, party, transactionId, messageId, messageSha256, subject, code, detail);
    }

    public AuditEntry withCode(Integer c) {
        return new AuditEntry(type, caseRef, party, transactionId, messageId, messageSha256, signerSubject, c, detail);
    }

    public AuditEntry withDetail(String d) {
        return new AuditEntry(type, caseRef, party, transactionId, messageId, messageSha256, signerSubject, code, d);
    }
}
