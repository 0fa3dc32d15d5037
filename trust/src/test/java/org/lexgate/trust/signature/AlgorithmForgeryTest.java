package org.lexgate.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.message.ErrorCode.SIGNATURE_ALGORITHM_NOT_ALLOWED;
import static org.lexgate.message.ErrorCode.SIGNATURE_TRANSFORM_NOT_ALLOWED;
import static org.lexgate.trust.signature.Refusals.assertRefused;

import javax.crypto.spec.SecretKeySpec;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.lexgate.trust.pki.SharedTestPki;
import org.lexgate.trust.pki.TestIdentity;
import org.lexgate.trust.pki.TestParty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cryptographically valid signatures made with algorithms outside lexgate's {@link AlgorithmPolicy}
 * (by another implementation or an attacker) are refused for the algorithm itself; what other
 * implementations may choose within the policy (C14N 1.0, exclusive C14N, SHA-512) is accepted.
 */
class AlgorithmForgeryTest {

    private static TestIdentity agency;
    private static byte[] signed;

    private final DocumentVerifier verifier = new DocumentVerifier();

    @BeforeAll
    static void signOnce() throws Exception {
        agency = SharedTestPki.get().signer(TestParty.XA_AGENCY);
        signed = new DocumentSigner(agency.credential()).sign(Fixtures.preservationRequest());
    }

    private static byte[] rawSign(RawSigner signer) throws Exception {
        return signer.sign(Fixtures.preservationRequest(), agency.privateKey(), agency.certificate());
    }

    // --- accepted from other implementations ---

    @Test
    void inclusiveC14n10FromAnotherImplementationIsAccepted() throws Exception {
        byte[] other = rawSign(new RawSigner().canonicalization(AlgorithmPolicy.C14N_10)
                .transforms(AlgorithmPolicy.ENVELOPED_SIGNATURE, AlgorithmPolicy.C14N_10));
        assertThat(verifier.verify(other).canonicalizationMethod()).isEqualTo(AlgorithmPolicy.C14N_10);
    }

    @Test
    void exclusiveC14nFromAnotherImplementationIsAccepted() throws Exception {
        byte[] other = rawSign(new RawSigner().canonicalization(AlgorithmPolicy.EXC_C14N)
                .transforms(AlgorithmPolicy.ENVELOPED_SIGNATURE, AlgorithmPolicy.EXC_C14N));
        assertThat(verifier.verify(other).canonicalizationMethod()).isEqualTo(AlgorithmPolicy.EXC_C14N);
    }

    @Test
    void envelopedTransformAloneAndSha512AreAccepted() throws Exception {
        byte[] other = rawSign(new RawSigner().signatureMethod(AlgorithmPolicy.RSA_SHA512).digest(AlgorithmPolicy.SHA512)
                .transforms(AlgorithmPolicy.ENVELOPED_SIGNATURE));
        assertThat(verifier.verify(other).digestMethod()).isEqualTo(AlgorithmPolicy.SHA512);
    }

    // --- refused algorithms ---

    @Test
    void sha1Digest() throws Exception {
        assertRefused(verifier, rawSign(new RawSigner().digest("http://www.w3.org/2000/09/xmldsig#sha1")),
                SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void md5Digest() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, AlgorithmPolicy.SHA256, "http://www.w3.org/2001/04/xmldsig-more#md5"),
                SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rsaSha1Signature() throws Exception {
        assertRefused(verifier, rawSign(new RawSigner().signatureMethod(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1)),
                SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hmacKeyedWithTheSignersPublicCertificate() throws Exception {
        // Key confusion: HMAC "signed" with bytes anyone can read from the certificate in KeyInfo.
        SecretKeySpec publicBytes = new SecretKeySpec(agency.certificate().getPublicKey().getEncoded(), "HmacSHA256");
        byte[] forged = new RawSigner().signatureMethod(XMLSignature.ALGO_ID_MAC_HMAC_SHA256)
                .sign(Fixtures.preservationRequest(), publicBytes, agency.certificate());
        assertRefused(verifier, forged, SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void canonicalizationWithComments() throws Exception {
        assertRefused(verifier, rawSign(new RawSigner().canonicalization(AlgorithmPolicy.C14N_11_WITH_COMMENTS)),
                SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void exclusiveCanonicalizationWithComments() throws Exception {
        assertRefused(verifier, rawSign(new RawSigner().canonicalization(AlgorithmPolicy.EXC_C14N_WITH_COMMENTS)),
                SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void canonicalizationTransformWithComments() throws Exception {
        assertRefused(verifier, rawSign(new RawSigner()
                .transforms(AlgorithmPolicy.ENVELOPED_SIGNATURE, AlgorithmPolicy.C14N_10_WITH_COMMENTS)),
                SIGNATURE_TRANSFORM_NOT_ALLOWED);
    }

    // --- refused transforms ---

    @Test
    void xpathTransform() throws Exception {
        assertRefused(verifier, rawSign(new RawSigner().transforms(Transforms.TRANSFORM_XPATH, AlgorithmPolicy.C14N_11)),
                SIGNATURE_TRANSFORM_NOT_ALLOWED);
    }

    @Test
    void xsltTransform() {
        // Refused before any transform runs: a stylesheet would execute during verification.
        String xslt = "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\">"
                + "<xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\">"
                + "<xsl:template match=\"/\"><xsl:copy-of select=\".\"/></xsl:template></xsl:stylesheet></ds:Transform>";
        assertRefused(verifier, Fixtures.replaceOnce(signed, "<ds:Transforms>", "<ds:Transforms>" + xslt),
                SIGNATURE_TRANSFORM_NOT_ALLOWED);
    }

    @Test
    void xpathFilter2Transform() {
        String filter = "<ds:Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\">"
                + "<dsig-xpath:XPath xmlns:dsig-xpath=\"http://www.w3.org/2002/06/xmldsig-filter2\" Filter=\"subtract\">"
                + "//*[local-name()='Payload']</dsig-xpath:XPath></ds:Transform>";
        assertRefused(verifier, Fixtures.replaceOnce(signed, "<ds:Transforms>", "<ds:Transforms>" + filter),
                SIGNATURE_TRANSFORM_NOT_ALLOWED);
    }

    @Test
    void base64Transform() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, "<ds:Transforms>",
                "<ds:Transforms><ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#base64\"/>"),
                SIGNATURE_TRANSFORM_NOT_ALLOWED);
    }

    @Test
    void envelopedSignatureTransformMissing() throws Exception {
        // Without it the digest would cover the signature itself; with a canonicalization alone it cannot be valid.
        assertRefused(verifier, rawSign(new RawSigner().transforms(AlgorithmPolicy.C14N_11)), SIGNATURE_TRANSFORM_NOT_ALLOWED);
    }

    @Test
    void canonicalizationBeforeEnvelopedSignature() throws Exception {
        assertRefused(verifier, rawSign(new RawSigner().transforms(AlgorithmPolicy.C14N_11, AlgorithmPolicy.ENVELOPED_SIGNATURE)),
                SIGNATURE_TRANSFORM_NOT_ALLOWED);
    }

    @Test
    void transformChainTooLong() throws Exception {
        assertRefused(verifier, rawSign(new RawSigner().transforms(AlgorithmPolicy.ENVELOPED_SIGNATURE,
                AlgorithmPolicy.C14N_11, AlgorithmPolicy.EXC_C14N)), SIGNATURE_TRANSFORM_NOT_ALLOWED);
    }

    @Test
    void narrowedPolicyRefusesEd25519() throws Exception {
        DocumentVerifier rsaAndEcOnly = new DocumentVerifier(AlgorithmPolicy.lexgateDefault().onlySignatureMethods(
                java.util.Set.of(AlgorithmPolicy.RSA_SHA256, AlgorithmPolicy.ECDSA_SHA256)));
        byte[] ed = new DocumentSigner(SharedTestPki.get().ed25519Signer().credential()).sign(Fixtures.preservationRequest());
        assertRefused(rsaAndEcOnly, ed, SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }
}
