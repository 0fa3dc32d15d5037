package org.lexgate.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.lexgate.trust.pki.BadSigner;
import org.lexgate.trust.pki.SharedTestPki;
import org.lexgate.trust.pki.TestIdentity;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** lexgate signs as ETSI's signed example does, and accepts what it signed (RSA, ECDSA, Ed25519). */
class DocumentSignerTest {

    private final TestPki pki = SharedTestPki.get();
    private final DocumentVerifier verifier = new DocumentVerifier();

    @Test
    void rsaSignedMessageIsAcceptedWithItsSignerCertificate() throws Exception {
        TestIdentity agency = pki.signer(TestParty.XA_AGENCY);
        byte[] signed = new DocumentSigner(agency.credential()).sign(Fixtures.preservationRequest());

        VerifiedDocument verified = verifier.verify(signed);

        assertThat(verified.signerCertificate()).isEqualTo(agency.certificate());
        assertThat(verified.certificates()).containsExactly(agency.certificate());
        assertThat(verified.bytes()).isEqualTo(signed);
        assertThat(verified.signatureMethod()).isEqualTo(AlgorithmPolicy.RSA_SHA256);
        assertThat(verified.digestMethod()).isEqualTo(AlgorithmPolicy.SHA256);
        assertThat(verified.canonicalizationMethod()).isEqualTo(AlgorithmPolicy.C14N_11);
        assertThat(verified.document().getDocumentElement().getLocalName()).isEqualTo("HI1Message");
    }

    @Test
    void aDomTheCallerParsedIsVerifiedWithoutASecondParse() throws Exception {
        TestIdentity agency = pki.signer(TestParty.XA_AGENCY);
        byte[] signed = new DocumentSigner(agency.credential()).sign(Fixtures.preservationRequest());
        Document parsed = org.lexgate.message.xml.HardenedXml.parse(signed);

        VerifiedDocument verified = verifier.verify(signed, parsed);

        assertThat(verified.document()).isSameAs(parsed);
        assertThat(verified.bytes()).isEqualTo(signed);
        assertThat(verified.signerCertificate()).isEqualTo(agency.certificate());
    }

    @Test
    void ecdsaP256SignedMessageIsAccepted() throws Exception {
        TestIdentity ec = pki.ecSigner();
        DocumentSigner signer = new DocumentSigner(ec.credential());
        assertThat(signer.signatureMethod()).isEqualTo(AlgorithmPolicy.ECDSA_SHA256);

        VerifiedDocument verified = verifier.verify(signer.sign(Fixtures.preservationRequest()));

        assertThat(verified.signerCertificate()).isEqualTo(ec.certificate());
        assertThat(verified.signatureMethod()).isEqualTo(AlgorithmPolicy.ECDSA_SHA256);
    }

    @Test
    void ed25519SignedMessageIsAccepted() throws Exception {
        TestIdentity ed = pki.ed25519Signer();
        DocumentSigner signer = new DocumentSigner(ed.credential());
        assertThat(signer.signatureMethod()).isEqualTo(AlgorithmPolicy.ED25519);

        VerifiedDocument verified = verifier.verify(signer.sign(Fixtures.preservationRequest()));

        assertThat(verified.signerCertificate()).isEqualTo(ed.certificate());
    }

    @Test
    void signatureHasEtsiShapeAsLastChildOfTheRoot() throws Exception {
        byte[] signed = new DocumentSigner(pki.signer(TestParty.XB_PROVIDER).credential()).sign(Fixtures.preservationRequest());
        String text = Fixtures.text(signed);

        Document doc = Fixtures.parse(signed);
        Element root = doc.getDocumentElement();
        Element signature = Fixtures.signature(doc);
        assertThat(signature.getParentNode()).isSameAs(root);
        assertThat(signature.getPrefix()).isEqualTo("ds");
        assertThat(text).contains("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>")
                .contains("<ds:Reference URI=\"\">")
                .containsSubsequence("<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>",
                        "<ds:Transform Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>")
                .contains("<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>")
                .containsSubsequence("<ds:KeyInfo>", "<ds:X509Data>", "<ds:X509Certificate>MII")
                .doesNotContain("&#13;")
                .endsWith("    </ds:Signature>\n</HI1Message>\n");
    }

    @Test
    void signingAddsTheSignatureAndChangesNothingElse() throws Exception {
        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).sign(Fixtures.preservationRequest());

        String withoutSignature = Fixtures.text(signed).replaceFirst("(?s)\n    <ds:Signature .*</ds:Signature>", "");
        assertThat(withoutSignature).isEqualTo(Fixtures.text(Fixtures.preservationRequest()));
    }

    @Test
    void documentWithACommentAfterTheRootIsSignedBySerialisingTheDom() throws Exception {
        byte[] unsigned = Fixtures.bytes(Fixtures.text(Fixtures.preservationRequest()) + "<!-- trailer -->\n");

        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).sign(unsigned);

        assertThat(verifier.verify(signed).signerCertificate()).isEqualTo(pki.signer(TestParty.XA_AGENCY).certificate());
    }

    @Test
    void domInputIsSignedWithoutChangingTheCallersDocument() throws Exception {
        Document unsigned = Fixtures.parse(Fixtures.preservationRequest());

        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_CP).credential()).sign(unsigned);

        assertThat(verifier.verify(signed).signerCertificate()).isEqualTo(pki.signer(TestParty.XA_CP).certificate());
        assertThat(unsigned.getElementsByTagNameNS(Fixtures.DS_NS, "Signature").getLength()).isZero();
    }

    @Test
    void domBuiltInMemoryWithoutNamespaceDeclarationsIsSignedConsistently() throws Exception {
        Document doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        Element root = doc.createElementNS(Fixtures.CORE_NS, "HI1Message");
        Element header = doc.createElementNS(Fixtures.CORE_NS, "Header");
        header.setTextContent("built in memory");
        root.appendChild(header);
        doc.appendChild(root);

        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).sign(doc);

        assertThat(verifier.verify(signed).document().getDocumentElement().getNamespaceURI()).isEqualTo(Fixtures.CORE_NS);
    }

    @Test
    void alreadySignedDocumentIsNotSignedAgain() throws Exception {
        DocumentSigner signer = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential());
        byte[] signed = signer.sign(Fixtures.preservationRequest());

        assertThatThrownBy(() -> signer.sign(signed))
                .isInstanceOf(DocumentSigningException.class).hasMessageContaining("already carries a ds:Signature");
    }

    @Test
    void weakRsa1024KeyIsRefusedForSigning() {
        TestIdentity weak = pki.bad(BadSigner.RSA_1024);

        assertThatThrownBy(() -> new DocumentSigner(weak.credential()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
    }

    @Test
    void keyThatDoesNotMatchItsCertificateIsRefusedWhenTheSignerIsBuilt() {
        TestIdentity agency = pki.signer(TestParty.XA_AGENCY);
        TestIdentity other = pki.signer(TestParty.XB_CP);
        SigningCredential mismatched = new SigningCredential(other.privateKey(), agency.certificate(), List.of(agency.certificate()));

        assertThatThrownBy(() -> new DocumentSigner(mismatched))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9104")
                .hasMessageContaining("do the private key and the certificate belong together?");
    }

    @Test
    void keyOfAnotherTypeThanItsCertificateIsRefusedWhenTheSignerIsBuilt() {
        SigningCredential mismatched = new SigningCredential(pki.ecSigner().privateKey(),
                pki.signer(TestParty.XA_AGENCY).certificate());

        assertThatThrownBy(() -> new DocumentSigner(mismatched))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do the private key and the certificate belong together?");
    }

    // --- the splice: only where the result provably parses to what was signed ---

    @Test
    void crLfLineEndsAreSplicedAndVerify() throws Exception {
        byte[] unsigned = Fixtures.bytes(Fixtures.text(Fixtures.preservationRequest()).replace("\n", "\r\n"));

        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).sign(unsigned);

        assertThat(Fixtures.text(signed)).startsWith(Fixtures.text(unsigned).substring(0, 200)).endsWith("</HI1Message>\r\n");
        assertThat(verifier.verify(signed).signerCertificate()).isEqualTo(pki.signer(TestParty.XA_AGENCY).certificate());
    }

    @Test
    void characterReferenceInTheTrailingWhitespaceIsNotSplicedButStillVerifies() throws Exception {
        String text = Fixtures.text(Fixtures.preservationRequest());
        int end = text.lastIndexOf("</HI1Message>");
        byte[] unsigned = Fixtures.bytes(text.substring(0, end).stripTrailing() + "&#10;  &#32;\n" + text.substring(end));

        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).sign(unsigned);

        assertThat(Fixtures.text(signed)).as("the DOM was serialised, not spliced").doesNotContain("&#32;");
        assertThat(verifier.verify(signed).signerCertificate()).isEqualTo(pki.signer(TestParty.XA_AGENCY).certificate());
    }

    @Test
    void compactDocumentIsSplicedBeforeTheRootEndTag() throws Exception {
        byte[] unsigned = Fixtures.bytes("<HI1Message xmlns=\"" + Fixtures.CORE_NS + "\"><Header>x</Header>tail text </HI1Message>");

        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).sign(unsigned);

        assertThat(Fixtures.text(signed)).startsWith("<HI1Message xmlns=\"" + Fixtures.CORE_NS + "\"><Header>x</Header>tail text <ds:Signature ");
        assertThat(verifier.verify(signed).signerCertificate()).isEqualTo(pki.signer(TestParty.XA_AGENCY).certificate());
    }

    // --- signDocument: a DOM signed in place and serialised once ---

    @Test
    void domSignedInPlaceVerifiesAndHoldsItsSignature() throws Exception {
        TestIdentity agency = pki.signer(TestParty.XA_AGENCY);
        Document doc = Fixtures.parse(Fixtures.preservationRequest());

        byte[] signed = new DocumentSigner(agency.credential()).signDocument(doc);

        assertThat(Fixtures.signature(doc).getParentNode()).isSameAs(doc.getDocumentElement());
        VerifiedDocument verified = verifier.verify(signed);
        assertThat(verified.signerCertificate()).isEqualTo(agency.certificate());
        assertThat(Fixtures.text(signed)).contains("suspect@example.org").doesNotContain("&#13;");
    }

    @Test
    void messageWrittenStraightToADomIsSignedOnceAndVerifies() throws Exception {
        org.lexgate.message.Hi1Codec codec = org.lexgate.message.Hi1Codec.createDefault();
        TestIdentity provider = pki.signer(TestParty.XB_PROVIDER);
        Document written = codec.writeDocument(codec.parse(Fixtures.preservationRequest()).message());

        byte[] signed = new DocumentSigner(provider.credential()).signDocument(written);

        VerifiedDocument verified = verifier.verify(signed);
        assertThat(verified.signerCertificate()).isEqualTo(provider.certificate());
        assertThat(Fixtures.text(signed)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        codec.readChecked(signed); // and the signed message is one lexgate accepts
    }

    @Test
    void domWithAwkwardCharactersIsSerialisedAsItWasSigned() throws Exception {
        Document doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        Element root = doc.createElementNS(Fixtures.CORE_NS, "HI1Message");
        root.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", Fixtures.CORE_NS);
        root.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:x", "urn:x");
        root.setAttributeNS("urn:x", "x:a", "tab\there, line\nend, cr\r, quote\" & <lt> é \uD83D\uDE00");
        Element header = doc.createElementNS(Fixtures.CORE_NS, "Header");
        header.appendChild(doc.createTextNode("cr\r lf\n crlf\r\n ]]> & < > \" ' é \uD83D\uDE00 "));
        header.appendChild(doc.createCDATASection("<cdata & more>"));
        root.appendChild(header);
        Element unqualified = doc.createElementNS(null, "local");
        unqualified.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", "");
        root.appendChild(unqualified);
        doc.appendChild(root);

        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).signDocument(doc);

        assertThat(verifier.verify(signed).signerCertificate()).isEqualTo(pki.signer(TestParty.XA_AGENCY).certificate());
    }

    @Test
    void domWithoutItsNamespaceDeclarationsIsRefusedUnchanged() throws Exception {
        Document doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        Element root = doc.createElementNS(Fixtures.CORE_NS, "HI1Message");
        root.appendChild(doc.createElementNS(Fixtures.CORE_NS, "Header"));
        doc.appendChild(root);
        DocumentSigner signer = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential());

        assertThatThrownBy(() -> signer.signDocument(doc))
                .isInstanceOf(DocumentSigningException.class).hasMessageContaining("not namespace-complete");
        assertThat(doc.getElementsByTagNameNS(Fixtures.DS_NS, "Signature").getLength()).isZero();

        Element local = doc.createElementNS(null, "local");
        root.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", Fixtures.CORE_NS);
        root.appendChild(local); // would be read back in the Core namespace
        assertThatThrownBy(() -> signer.signDocument(doc))
                .isInstanceOf(DocumentSigningException.class).hasMessageContaining("element local");
    }

    @Test
    void signedDomIsNotSignedAgain() throws Exception {
        DocumentSigner signer = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential());
        Document doc = Fixtures.parse(Fixtures.preservationRequest());
        signer.signDocument(doc);

        assertThatThrownBy(() -> signer.signDocument(doc))
                .isInstanceOf(DocumentSigningException.class).hasMessageContaining("already carries a ds:Signature");
    }

    @Test
    void signatureLayerLeavesKeyStrengthToTheSenderBinding() throws Exception {
        // The RSA-1024 bad signer of the test PKI signs (with an explicitly relaxed policy) so that the
        // sender binding can refuse it with CERTIFICATE_KEY_TOO_WEAK; the signature layer returns the certificate.
        TestIdentity weak = pki.bad(BadSigner.RSA_1024);
        AlgorithmPolicy relaxed = AlgorithmPolicy.lexgateDefault().withMinimumRsaKeyBits(1024);
        byte[] signed = new DocumentSigner(weak.credential(), relaxed).sign(Fixtures.preservationRequest());

        VerifiedDocument verified = verifier.verify(signed);

        assertThat(verified.signerCertificate()).isEqualTo(weak.certificate());
        assertThatThrownBy(() -> AlgorithmPolicy.lexgateDefault().checkKeyStrength(verified.signerCertificate().getPublicKey()))
                .isInstanceOfSatisfying(org.lexgate.message.MessageRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(org.lexgate.message.ErrorCode.CERTIFICATE_KEY_TOO_WEAK));
    }

    @Test
    void credentialIsReadFromThePkcs12Keystore() throws Exception {
        TestIdentity provider = pki.signer(TestParty.XA_PROVIDER);

        SigningCredential credential = SigningCredential.fromPkcs12(provider.keystore(), pki.keystorePassword(), provider.alias());

        assertThat(credential.certificate()).isEqualTo(provider.certificate());
        assertThat(credential.chain()).containsExactly(provider.certificate(), pki.rootCertificate());
        assertThat(verifier.verify(new DocumentSigner(credential).sign(Fixtures.preservationRequest())).signerCertificate())
                .isEqualTo(provider.certificate());
    }
}
