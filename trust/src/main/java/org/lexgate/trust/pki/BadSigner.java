package org.lexgate.trust.pki;

import org.lexgate.message.ErrorCode;

/**
 * The deliberately bad signers of the test PKI. Each one claims to be {@link TestParty#XA_AGENCY}
 * and is correct but for one defect, so a test can show that the sender binding refuses exactly
 * that defect. NOT FOR PRODUCTION.
 */
public enum BadSigner {

    /** Issued by the development CA, same subject as XA-AGENCY; validity ended 30 days before generation. */
    EXPIRED("bad-expired", ErrorCode.CERTIFICATE_EXPIRED),
    /** Same subject; validity starts 30 days after generation. */
    NOT_YET_VALID("bad-not-yet-valid", ErrorCode.CERTIFICATE_NOT_YET_VALID),
    /** Same subject; its serial number is listed in the development CA's CRL (keyCompromise). */
    REVOKED("bad-revoked", ErrorCode.CERTIFICATE_REVOKED),
    /** Same subject, but issued by a CA that nobody trusts (unknown-ca/). */
    UNKNOWN_CA("bad-unknown-ca", ErrorCode.CERTIFICATE_UNTRUSTED),
    /** Same subject, issued by the development CA, but an RSA-1024 key. */
    RSA_1024("bad-rsa-1024", ErrorCode.CERTIFICATE_KEY_TOO_WEAK),
    /** Issued by the development CA, valid, but its subject is not XA-AGENCY's (CN=XA-ROGUE, O=Unlisted Organisation). */
    WRONG_SUBJECT("bad-wrong-subject", ErrorCode.CERTIFICATE_SUBJECT_NOT_ALLOWED);

    private final String alias;
    private final ErrorCode expectedRefusal;

    BadSigner(String alias, ErrorCode expectedRefusal) {
        this.alias = alias;
        this.expectedRefusal = expectedRefusal;
    }

    /** The keystore alias and file name under {@code bad/}. */
    public String alias() {
        return alias;
    }

    /** The party this signer pretends to be. */
    public TestParty impersonates() {
        return TestParty.XA_AGENCY;
    }

    /**
     * The refusal the sender binding is expected to give (a suggestion from the PKI's author; the
     * binding's own tests are the authority).
     */
    public ErrorCode expectedRefusal() {
        return expectedRefusal;
    }
}
