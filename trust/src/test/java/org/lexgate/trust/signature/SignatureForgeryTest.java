package org.lexgate.trust.signature;

import static org.lexgate.message.ErrorCode.NOT_WELL_FORMED;
import static org.lexgate.message.ErrorCode.SIGNATURE_DIGEST_MISMATCH;
import static org.lexgate.message.ErrorCode.SIGNATURE_MISSING;
import static org.lexgate.message.ErrorCode.SIGNATURE_REFERENCE_INVALID;
import static org.lexgate.message.ErrorCode.SIGNATURE_STRUCTURE_INVALID;
import static org.lexgate.message.ErrorCode.SIGNATURE_VALUE_INVALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.trust.signature.Refusals.assertRefused;

import java.security.MessageDigest;
import java.util.Base64;
import org.apache.xml.security.c14n.Canonicalizer;
import org.lexgate.trust.pki.SharedTestPki;
import org.lexgate.trust.pki.TestIdentity;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Messages signed by XA-AGENCY with lexgate's own signer, then tampered with: each attack is refused
 * with its exact code (content, SignedInfo, signature value, signature wrapping, extra roots and
 * signatures, references that do not cover the document).
 */
class SignatureForgeryTest {

    private static final String TASK_NS = "http://uri.etsi.org/03120/common/2020/09/Task";

    private static TestPki pki;
    private static TestIdentity agency;
    private static byte[] signed;
    private static byte[] signedEc;

    private final DocumentVerifier verifier = new DocumentVerifier();

    @BeforeAll
    static void signOnce() throws Exception {
        pki = SharedTestPki.get();
        agency = pki.signer(TestParty.XA_AGENCY);
        signed = new DocumentSigner(agency.credential()).sign(Fixtures.preservationRequest());
        signedEc = new DocumentSigner(pki.ecSigner().credential()).sign(Fixtures.preservationRequest());
    }

    // --- content, SignedInfo, SignatureValue ---

    @Test
    void contentChangedAfterSigning() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, "suspect@example.org", "victim@example.org"), SIGNATURE_DIGEST_MISMATCH);
    }

    @Test
    void contentChangedAfterSigningEcdsa() {
        assertRefused(verifier, Fixtures.replaceOnce(signedEc, "suspect@example.org", "victim@example.org"), SIGNATURE_DIGEST_MISMATCH);
    }

    @Test
    void attributeAddedAfterSigning() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, "<Payload>", "<Payload priority=\"high\">"), SIGNATURE_DIGEST_MISMATCH);
    }

    @Test
    void contentChangedAndDigestValueRecomputedInSignedInfo() throws Exception {
        Document original = Fixtures.parse(signed);
        assertThat(wholeDocumentDigest(original))
                .as("the attacker's digest computation reproduces the signer's")
                .isEqualTo(Fixtures.first(original, Fixtures.DS_NS, "DigestValue").getTextContent());

        Document doc = Fixtures.parse(Fixtures.replaceOnce(signed, "suspect@example.org", "victim@example.org"));
        Fixtures.first(doc, Fixtures.DS_NS, "DigestValue").setTextContent(wholeDocumentDigest(doc));

        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_VALUE_INVALID);
    }

    @Test
    void signedInfoChanged() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, "<ds:Reference URI=\"\">", "<ds:Reference Id=\"r1\" URI=\"\">"),
                SIGNATURE_VALUE_INVALID);
    }

    @Test
    void signatureValueChanged() {
        assertRefused(verifier, flipSignatureValueBit(signed), SIGNATURE_VALUE_INVALID);
    }

    @Test
    void signatureValueChangedEcdsa() {
        assertRefused(verifier, flipSignatureValueBit(signedEc), SIGNATURE_VALUE_INVALID);
    }

    @Test
    void signatureValueTruncated() {
        Document doc = Fixtures.parse(signed);
        Element value = Fixtures.first(doc, Fixtures.DS_NS, "SignatureValue");
        value.setTextContent(value.getTextContent().substring(0, 40));
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_VALUE_INVALID);
    }

    @Test
    void commentInsertedAfterSigningIsNotReadByTheApplication() throws Exception {
        // Comments are not signed (no accepted canonicalisation keeps them), so this still verifies;
        // the verified DOM must not let a careless reader see "XA-" as the sender.
        byte[] commented = Fixtures.replaceOnce(signed, "<UniqueIdentifier>XA-AGENCY<", "<UniqueIdentifier>XA-<!---->AGENCY<");

        VerifiedDocument verified = verifier.verify(commented);

        Element sender = Fixtures.first(verified.document(), Fixtures.CORE_NS, "UniqueIdentifier");
        assertThat(sender.getFirstChild().getNodeValue()).isEqualTo("XA-AGENCY");
        assertThat(sender.getChildNodes().getLength()).isEqualTo(1);
        assertThat(verified.bytes()).isEqualTo(commented);
    }

    // --- signature wrapping: a signed element moved, copied or renamed, the original left in place ---

    @Test
    void signedPayloadMovedIntoDsObjectAndForgedPayloadPutInItsPlace() {
        Document doc = Fixtures.parse(signed);
        Element payload = Fixtures.first(doc, Fixtures.CORE_NS, "Payload");
        Element forged = (Element) payload.cloneNode(true);
        forged.getElementsByTagNameNS(TASK_NS, "Value").item(0).setTextContent("victim@example.org");
        payload.getParentNode().replaceChild(forged, payload);
        Element object = doc.createElementNS(Fixtures.DS_NS, "ds:Object");
        object.appendChild(payload);
        Fixtures.signature(doc).appendChild(object);
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void signedActionRequestCopiedWithTheOriginalLeftInPlace() {
        Document doc = Fixtures.parse(signed);
        Element action = Fixtures.first(doc, Fixtures.CORE_NS, "ActionRequest");
        Element copy = (Element) action.cloneNode(true);
        copy.getElementsByTagNameNS(TASK_NS, "Value").item(0).setTextContent("victim@example.org");
        action.getParentNode().appendChild(copy);
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_DIGEST_MISMATCH);
    }

    @Test
    void signedHeaderRenamedWithTheOriginalLeftInPlace() {
        Document doc = Fixtures.parse(signed);
        Element header = Fixtures.first(doc, Fixtures.CORE_NS, "Header");
        Element renamed = (Element) doc.renameNode(header.cloneNode(true), "urn:attacker", "x:Header");
        header.getParentNode().insertBefore(renamed, header);
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_DIGEST_MISMATCH);
    }

    @Test
    void signedPayloadMovedToAnotherPosition() {
        Document doc = Fixtures.parse(signed);
        Element payload = Fixtures.first(doc, Fixtures.CORE_NS, "Payload");
        Element header = Fixtures.first(doc, Fixtures.CORE_NS, "Header");
        header.getParentNode().insertBefore(payload, header);
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_DIGEST_MISMATCH);
    }

    @Test
    void signatureMovedIntoThePayload() {
        Document doc = Fixtures.parse(signed);
        Fixtures.first(doc, Fixtures.CORE_NS, "Payload").appendChild(Fixtures.signature(doc));
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void elementAddedAfterTheSignature() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, "</ds:Signature>", "</ds:Signature><Payload/>"),
                SIGNATURE_STRUCTURE_INVALID);
    }

    // --- a second root, a second signature ---

    @Test
    void signedMessageWrappedInAnotherRoot() {
        String text = Fixtures.text(signed);
        String body = text.substring(text.indexOf("<HI1Message"));
        byte[] wrapped = Fixtures.bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Envelope xmlns=\"urn:attacker\">" + body + "</Envelope>");
        assertRefused(verifier, wrapped, SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void signedMessageWrappedInsideAForgedMessage() {
        String text = Fixtures.text(signed);
        String original = text.substring(text.indexOf("<HI1Message"));
        String forged = Fixtures.text(Fixtures.preservationRequest()).replace("suspect@example.org", "victim@example.org")
                .replace("</Payload>", "</Payload><Attachment>" + original + "</Attachment>");
        assertRefused(verifier, Fixtures.bytes(forged), SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void secondRootAfterTheSignedMessageIsNotWellFormed() {
        String text = Fixtures.text(signed);
        byte[] twoRoots = Fixtures.bytes(text + text.substring(text.indexOf("<HI1Message")));
        assertRefused(verifier, twoRoots, NOT_WELL_FORMED);
    }

    @Test
    void secondSignatureBesideTheFirst() {
        Document doc = Fixtures.parse(signed);
        Element signature = Fixtures.signature(doc);
        signature.getParentNode().appendChild(signature.cloneNode(true));
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void secondSignatureHiddenInThePayload() throws Exception {
        byte[] byOther = new DocumentSigner(pki.signer(TestParty.XB_CP).credential()).sign(Fixtures.preservationRequest());
        Document doc = Fixtures.parse(signed);
        Node otherSignature = doc.importNode(Fixtures.signature(Fixtures.parse(byOther)), true);
        Fixtures.first(doc, Fixtures.CORE_NS, "HI1Object").appendChild(otherSignature);
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_STRUCTURE_INVALID);
    }

    @Test
    void unsignedMessage() {
        assertRefused(verifier, Fixtures.preservationRequest(), SIGNATURE_MISSING);
    }

    @Test
    void signatureRemoved() {
        Document doc = Fixtures.parse(signed);
        Element signature = Fixtures.signature(doc);
        signature.getParentNode().removeChild(signature);
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_MISSING);
    }

    // --- references that do not cover the root ---

    @Test
    void referenceToThePayloadOnlyById() throws Exception {
        byte[] forged = new RawSigner().transforms(AlgorithmPolicy.C14N_11).reference("#signed", "Payload")
                .sign(Fixtures.preservationRequest(), agency.privateKey(), agency.certificate());
        assertRefused(verifier, forged, SIGNATURE_REFERENCE_INVALID);
    }

    @Test
    void referenceWithoutUri() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, "<ds:Reference URI=\"\">", "<ds:Reference>"), SIGNATURE_REFERENCE_INVALID);
    }

    @Test
    void referenceToAnExternalDocument() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, "<ds:Reference URI=\"\">",
                "<ds:Reference URI=\"http://attacker.invalid/request.xml\">"), SIGNATURE_REFERENCE_INVALID);
    }

    @Test
    void referenceTypedAsManifest() {
        assertRefused(verifier, Fixtures.replaceOnce(signed, "<ds:Reference URI=\"\">",
                "<ds:Reference Type=\"http://www.w3.org/2000/09/xmldsig#Manifest\" URI=\"\">"), SIGNATURE_REFERENCE_INVALID);
    }

    @Test
    void secondReferenceBesideTheWholeDocument() throws Exception {
        Document doc = Fixtures.parse(signed);
        Element reference = Fixtures.first(doc, Fixtures.DS_NS, "Reference");
        Element second = (Element) reference.cloneNode(true);
        second.setAttributeNS(null, "URI", "#signed");
        reference.getParentNode().appendChild(second);
        assertRefused(verifier, Fixtures.serialize(doc), SIGNATURE_STRUCTURE_INVALID);
    }

    /** What an attacker computes: SHA-256 of the C14N 1.1 form of the document without its signature. */
    private static String wholeDocumentDigest(Document doc) throws Exception {
        Element signature = Fixtures.signature(doc);
        Node next = signature.getNextSibling();
        Node parent = signature.getParentNode();
        parent.removeChild(signature);
        java.io.ByteArrayOutputStream c14n = new java.io.ByteArrayOutputStream();
        Canonicalizer.getInstance(AlgorithmPolicy.C14N_11).canonicalizeSubtree(doc, c14n);
        parent.insertBefore(signature, next);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(c14n.toByteArray()));
    }

    private static byte[] flipSignatureValueBit(byte[] signedXml) {
        Document doc = Fixtures.parse(signedXml);
        Element value = Fixtures.first(doc, Fixtures.DS_NS, "SignatureValue");
        byte[] raw = Base64.getMimeDecoder().decode(value.getTextContent());
        raw[raw.length / 2] ^= 0x01;
        value.setTextContent(Base64.getEncoder().encodeToString(raw));
        return Fixtures.serialize(doc);
    }
}
