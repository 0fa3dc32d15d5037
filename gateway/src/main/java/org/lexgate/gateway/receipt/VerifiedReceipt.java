package org.lexgate.gateway.receipt;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.lexgate.trust.directory.PartyId;

/**
 * A receipt whose document signature, signer, TransactionIdentifier and digest were checked.
 *
 * @param bytes the exact receipt bytes (keep them: the proof of submission)
 * @param signer the party that signed it (the destination)
 * @param signerCertificate its certificate
 * @param transactionId the TransactionIdentifier it answers
 * @param digest the digest of the message it names
 * @param errorCode empty for an accepted message; the code of a refusal (ErrorInformation)
 * @param errorText the refusal's text, as the peer sent it
 */
public record VerifiedReceipt(byte[] bytes, PartyId signer, X509Certificate signerCertificate, String transactionId,
        String digest, Optional<Integer> errorCode, Optional<String> errorText) {

    /** True when the receipt says the message was accepted. */
    public boolean accepted() {
        return errorCode.isEmpty();
    }
}
