package org.lexgate.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.message.ErrorCode.SIGNATURE_KEY_INFO_INVALID;
import static org.lexgate.message.ErrorCode.SIGNATURE_VALUE_INVALID;
import static org.lexgate.trust.signature.Refusals.assertRefused;

import java.util.Base64;
import org.lexgate.trust.pki.BadSigner;
import org.lexgate.trust.pki.SharedTestPki;
import org.lexgate.trust.pki.TestIdentity;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;
import org.lexgate.trust.signature.RawSigner.KeyInfoMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The signer is known only by the certificate in KeyInfo/X509Data: no key from elsewhere (RetrievalMethod,
 * a bare KeyValue), no certificate that cannot be read, no certificate that does not hold the signing key.
 */
class KeyInfoForgeryTest {

    private static TestPki pki;
    private static TestIdentity agency;
    private static byte[] signed;

    private final DocumentVerifier verifier = new DocumentVerifier();

    @BeforeAll
    static void signOnce() throws Exception {
        pki = SharedTestPki.get();
        agency = pki.signer(TestParty.XA_AGENCY);
        signed = new DocumentSigner(agency.credential()).sign(Fixtures.preservationRequest());
    }

    private static byte[] rawSign(KeyInfoMode mode) throws Exception {
        return new RawSigner().keyInfo(mode).sign(Fixtures.preservationRequest(), agency.privateKey(), agency.certificate());
    }

    @Test
    void keyInfoMissing() throws Exception {
        assertRefused(verifier, rawSign(KeyInfoMode.NONE), SIGNATURE_KEY_INFO_INVALID);
    }

    @Test
    void keyValueOnlyWithoutCertificate() throws Exception {
        assertRefused(verifier, rawSign(KeyInfoMode.KEY_VALUE_ONLY), SIGNATURE_KEY_INFO_INVALID);
    }

    @Test
    void retrievalMethodPointingElsewhere() throws Exception {
        assertRefused(verifier, rawSign(KeyInfoMode.RETRIEVAL_METHOD), SIGNATURE_KEY_INFO_INVALID);
    }

    @Test
    void retrievalMethodBesideTheCertificate() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, "<ds:KeyInfo>",
                "<ds:KeyInfo><ds:RetrievalMethod URI=\"http://attacker.invalid/cert\" Type=\"http://www.w3.org/2000/09/xmldsig#rawX509Certificate\"/>"),
                SIGNATURE_KEY_INFO_INVALID);
    }

    @Test
    void x509DataWithIssuerSerialButNoCertificate() {
        Document doc = Fixtures.parse(signed);
        Element certificate = Fixtures.first(doc, Fixtures.DS_NS, "X509Certificate");
        Element subjectName = doc.createElementNS(Fixtures.DS_NS, "ds:X509SubjectName");
        subjectName.setTextContent(agency.certificate().getSubjectX500Principal().getName());
        certificate.getParentNode().replaceChild(subjectName, certificate);
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_KEY_INFO_INVALID);
    }

    @Test
    void unreadableCertificate() {
        Document doc = Fixtures.parse(signed);
        Element certificate = Fixtures.first(doc, Fixtures.DS_NS, "X509Certificate");
        certificate.setTextContent(Base64.getEncoder().encodeToString("not a certificate".getBytes()));
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_KEY_INFO_INVALID);
    }

    @Test
    void certificateOfAnotherPartySwappedIn() throws Exception {
        // The attacker signs with their own key and presents XA-AGENCY's certificate.
        TestIdentity attacker = pki.signer(TestParty.XB_CP);
        byte[] forged = new RawSigner().sign(Fixtures.preservationRequest(), attacker.privateKey(), agency.certificate());
        assertRefused(verifier, forged, SIGNATURE_VALUE_INVALID);
    }

    @Test
    void certificateWithAnotherKeyTypeThanTheSignatureMethod() throws Exception {
        byte[] forged = new RawSigner().sign(Fixtures.preservationRequest(), agency.privateKey(), pki.ecSigner().certificate());
        assertRefused(verifier, forged, SIGNATURE_KEY_INFO_INVALID);
    }

    @Test
    void twoUnrelatedCertificatesLeaveTheSignerAmbiguous() {
        Document doc = Fixtures.parse(signed);
        Element certificate = Fixtures.first(doc, Fixtures.DS_NS, "X509Certificate");
        Element other = (Element) certificate.cloneNode(true);
        other.setTextContent(base64(pki.signer(TestParty.XB_CP).certificate()));
        certificate.getParentNode().appendChild(other);
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_KEY_INFO_INVALID);
    }

    @Test
    void chainInAnyOrderNamesTheEndEntityAsSigner() throws Exception {
        Document doc = Fixtures.parse(signed);
        Element certificate = Fixtures.first(doc, Fixtures.DS_NS, "X509Certificate");
        Element ca = (Element) certificate.cloneNode(true);
        ca.setTextContent(base64(pki.rootCertificate()));
        certificate.getParentNode().insertBefore(ca, certificate);

        VerifiedDocument verified = verifier.verify(Fixtures.serialize(doc));

        assertThat(verified.signerCertificate()).isEqualTo(agency.certificate());
        assertThat(verified.certificates()).containsExactly(agency.certificate(), pki.rootCertificate());
    }

    @Test
    void certificateTrustIsLeftToTheSenderBinding() throws Exception {
        // An expired certificate from an unknown CA still passes the signature layer: the binding refuses it.
        TestIdentity unknown = pki.bad(BadSigner.UNKNOWN_CA);
        byte[] bySomeone = new DocumentSigner(unknown.credential()).sign(Fixtures.preservationRequest());
        assertThat(verifier.verify(bySomeone).signerCertificate()).isEqualTo(unknown.certificate());
    }

    private static String base64(java.security.cert.X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
