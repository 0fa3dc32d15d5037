package org.lexgate.trust.signature;

import java.security.cert.X509Certificate;
import java.util.List;
import org.w3c.dom.Document;

/**
 * A document whose enveloped signature {@link DocumentVerifier} has checked. Read the message from
 * here and nowhere else: {@link #bytes()} are exactly the bytes that were verified (store these),
 * {@link #document()} is the very DOM the signature was checked on (do not modify it).
 *
 * <p>The signer's certificate is returned as presented in the message; whether it may speak for the
 * sender named in the header (trust anchor, validity, revocation, key strength, subject) is for the
 * sender binding to decide.
 */
public final class VerifiedDocument {

    private final byte[] bytes;
    private final Document document;
    private final List<X509Certificate> certificates;
    private final String signatureMethod;
    private final String digestMethod;
    private final String canonicalizationMethod;

    VerifiedDocument(byte[] bytes, Document document, List<X509Certificate> certificates,
            String signatureMethod, String digestMethod, String canonicalizationMethod) {
        this.bytes = bytes;
        this.document = document;
        this.certificates = List.copyOf(certificates);
        this.signatureMethod = signatureMethod;
        this.digestMethod = digestMethod;
        this.canonicalizationMethod = canonicalizationMethod;
    }

    /**
     * A copy of the exact bytes that were verified.
     *
     * @throws IllegalStateException when it was verified by {@link DocumentVerifier#verifyParsed}, which
     *                               keeps no bytes (the caller holds them)
     */
    public byte[] bytes() {
        if (bytes == null) {
            throw new IllegalStateException("verified from a parsed document: the caller holds the bytes");
        }
        return bytes.clone();
    }

    /**
     * The DOM the signature was verified on, its ds:Signature still in place, without comments (which
     * the signature does not cover; {@link #bytes()} still hold them).
     */
    public Document document() {
        return document;
    }

    /** The certificate whose key verified the signature. */
    public X509Certificate signerCertificate() {
        return certificates.get(0);
    }

    /** Every certificate in the signature's X509Data, the signer's first (others are untrusted hints for path building). */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    public String signatureMethod() {
        return signatureMethod;
    }

    public String digestMethod() {
        return digestMethod;
    }

    public String canonicalizationMethod() {
        return canonicalizationMethod;
    }

    @Override
    public String toString() {
        return "VerifiedDocument[signer=" + signerCertificate().getSubjectX500Principal() + ", " + signatureMethod + "]";
    }
}
