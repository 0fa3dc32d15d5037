package org.lexgate.trust.signature;

import static org.lexgate.message.ErrorCode.SIGNATURE_DIGEST_MISMATCH;
import static org.lexgate.message.ErrorCode.SIGNATURE_KEY_INFO_INVALID;
import static org.lexgate.message.ErrorCode.SIGNATURE_STRUCTURE_INVALID;
import static org.lexgate.message.ErrorCode.SIGNATURE_VALUE_INVALID;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.VerifiedReference;
import org.apache.xml.security.signature.XMLSignature;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.xml.HardenedXml;
import org.w3c.dom.Document;

/**
 * Verifies the end-to-end document signature of an HI-1 message (DESIGN.md, "Two layers of
 * signatures"; guidelines §24, §51): the organisation that wrote the message signed all of it.
 *
 * <p>The rule enforced, in order, each refusal with its own {@link ErrorCode}:
 * <ol>
 *   <li>the bytes parse with {@link HardenedXml} (9001, 9002...);</li>
 *   <li>exactly one {@code ds:Signature} in the document (none: 9101; more: 9102), the last child
 *       element of the root (9102), holding SignedInfo, SignatureValue, KeyInfo and no ds:Object (9102);</li>
 *   <li>exactly one Reference (9102) with {@code URI=""}, no Type (9105);</li>
 *   <li>only the {@link AlgorithmPolicy}'s canonicalisation, signature and digest methods (9106) and
 *       transforms: enveloped-signature, then at most one canonicalisation (9107);</li>
 *   <li>KeyInfo holds exactly one X509Data with readable certificates, one of them the end entity,
 *       whose key type fits the signature method (9108); no RetrievalMethod, no bare KeyValue;</li>
 *   <li>Santuario, with secure validation, checks the SignatureValue over SignedInfo with that
 *       certificate's key (9104), then the digest of the whole document (9103).</li>
 * </ol>
 * Comments, which no accepted canonicalisation signs, are removed from the returned DOM.
 * Whether the certificate is trusted, valid, unrevoked, strong enough and the sender's is not decided
 * here: that is the sender binding's job, on {@link VerifiedDocument#signerCertificate()}.
 *
 * <p>Thread-safe; one instance can serve every route.
 */
public final class DocumentVerifier {

    private final AlgorithmPolicy policy;

    public DocumentVerifier() {
        this(AlgorithmPolicy.lexgateDefault());
    }

    public DocumentVerifier(AlgorithmPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        Dsig.init();
    }

    public AlgorithmPolicy policy() {
        return policy;
    }

    /**
     * Parses untrusted bytes and verifies their document signature.
     *
     * @return the verified bytes (a copy of the input), the DOM that was verified and the signer's certificate
     * @throws MessageRejectedException with the code of the first rule broken, and a detail for the log
     */
    public VerifiedDocument verify(byte[] signedXml) throws MessageRejectedException {
        byte[] bytes = Objects.requireNonNull(signedXml, "signedXml").clone();
        return verify(bytes, HardenedXml.parse(bytes));
    }

    /**
     * Verifies the document signature of a DOM the caller has already parsed, sparing a second
     * parse: the same checks as {@link #verify(byte[])} after its parse, with the same codes.
     *
     * <p>The contract, which this method cannot check and the caller must keep:
     * <ul>
     *   <li>{@code parsed} is what {@link HardenedXml} (any limits) produced from exactly
     *       {@code signedXml}, unchanged since, except by checks that only read it (such as
     *       {@code Hi1Codec.check});</li>
     *   <li>{@code signedXml} is not copied: it is the array {@link VerifiedDocument} holds, so it
     *       must not be modified afterwards;</li>
     *   <li>{@code parsed} becomes {@link VerifiedDocument#document()}: comments are removed from it,
     *       as from the DOM {@link #verify(byte[])} returns.</li>
     * </ul>
     *
     * @throws MessageRejectedException with the code of the first rule broken, and a detail for the log
     */
    public VerifiedDocument verify(byte[] signedXml, Document parsed) throws MessageRejectedException {
        return check(Objects.requireNonNull(signedXml, "signedXml"), parsed);
    }

    /**
     * {@link #verify(byte[], Document)} for a caller that holds the bytes {@code parsed} was made of
     * in a form of its own (the pieces a request body of megabytes arrived in, say): the same checks,
     * codes and contract, but the {@link VerifiedDocument} keeps no bytes ({@link VerifiedDocument#bytes()}
     * throws); the caller stores the bytes it holds.
     */
    public VerifiedDocument verifyParsed(Document parsed) throws MessageRejectedException {
        return check(null, parsed);
    }

    /** The checks; {@code bytes} (null: none kept) go into the result. */
    private VerifiedDocument check(byte[] bytes, Document parsed) throws MessageRejectedException {
        Document doc = Objects.requireNonNull(parsed, "parsed");
        SignatureShape shape = SignatureShape.check(doc, policy);
        List<X509Certificate> certificates = KeyInfoReader.read(shape.keyInfo);
        PublicKey key = certificates.get(0).getPublicKey();
        String needed = AlgorithmPolicy.keyFamilyOf(shape.signatureMethod).orElse("?");
        String actual = AlgorithmPolicy.keyFamilyOf(key);
        SignatureShape.refuseIf(!needed.equals(actual), SIGNATURE_KEY_INFO_INVALID,
                "the certificate's " + actual + " key does not fit signature method " + shape.signatureMethod);

        XMLSignature signature;
        try {
            signature = new XMLSignature(shape.signature, "", true);
        } catch (XMLSecurityException | RuntimeException e) {
            throw new MessageRejectedException(SIGNATURE_STRUCTURE_INVALID, "ds:Signature refused by Santuario: " + e.getMessage(), e);
        }
        boolean valid;
        try {
            valid = signature.checkSignatureValue(key);
        } catch (XMLSecurityException | RuntimeException e) {
            throw new MessageRejectedException(SIGNATURE_VALUE_INVALID, "signature check failed: " + e.getMessage(), e);
        }
        if (!valid) {
            List<VerifiedReference> references = signature.getSignedInfo().getVerificationResults();
            if (references.isEmpty()) {
                throw new MessageRejectedException(SIGNATURE_VALUE_INVALID,
                        "the SignatureValue does not verify over SignedInfo with the key of "
                                + certificates.get(0).getSubjectX500Principal());
            }
            throw new MessageRejectedException(SIGNATURE_DIGEST_MISMATCH,
                    "the digest of the document does not match the signed DigestValue (content changed after signing)");
        }
        HardenedXml.removeComments(doc);
        return new VerifiedDocument(bytes, doc, certificates, shape.signatureMethod, shape.digestMethod,
                shape.canonicalizationMethod);
    }

}
