package org.lexgate.trust.signature;

import java.util.Objects;
import java.util.Optional;
import javax.xml.transform.TransformerException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.xml.HardenedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Signs a whole HI-1 message the way ETSI's signed example (request6_signed.xml) does: an enveloped
 * {@code ds:Signature} appended as the last child of the root, one Reference {@code URI=""} with the
 * transforms enveloped-signature then C14N 1.1, a SHA-256 digest, SignedInfo canonicalised with
 * C14N 1.1, the signer's certificate in KeyInfo/X509Data. The signature method follows the key:
 * RSA-SHA256, ECDSA-SHA256 (P-256) or -SHA384 (P-384), Ed25519 (see {@link AlgorithmPolicy}).
 *
 * <p>lexgate never sends a signature that it would itself refuse. That the private key and the
 * certificate belong together is checked once, when the signer is built: a probe document is signed
 * and verified with {@link DocumentVerifier}. What each message's output says is then made sure of
 * by construction rather than by verifying it again:
 * <ul>
 *   <li>{@link #sign(byte[])} splices the signature into the input bytes only where it can show
 *       that the result parses to the tree it signed ({@link SignatureLayout#splice}); for any
 *       other input it serialises the signed DOM and, as before, verifies that output in full;</li>
 *   <li>{@link #signDocument(Document)} signs a namespace-complete DOM and serialises it once.</li>
 * </ul>
 *
 * <p>Thread-safe; one instance per signing key.
 */
public final class DocumentSigner {

    private static final String PROBE_NS = "urn:lexgate:key-probe";

    private final SigningCredential credential;
    private final AlgorithmPolicy policy;
    private final String signatureMethod;
    private final DocumentVerifier fallbackCheck;

    /** A signer with the lexgate profile: refuses keys below RSA-2048 / P-256. */
    public DocumentSigner(SigningCredential credential) {
        this(credential, AlgorithmPolicy.lexgateDefault());
    }

    /**
     * A signer with the given policy.
     *
     * @throws IllegalArgumentException when the policy refuses the key (type or strength), or when the
     *         private key and the certificate do not belong together (a probe signed with the key does
     *         not verify with the certificate's key)
     */
    public DocumentSigner(SigningCredential credential, AlgorithmPolicy policy) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.policy = Objects.requireNonNull(policy, "policy");
        try {
            policy.checkKeyStrength(credential.certificate().getPublicKey());
        } catch (MessageRejectedException e) {
            throw new IllegalArgumentException("signing key refused: " + e.getMessage(), e);
        }
        this.signatureMethod = policy.signatureMethodFor(credential.certificate().getPublicKey())
                .orElseThrow(() -> new IllegalArgumentException("no allowed signature method for a "
                        + credential.certificate().getPublicKey().getAlgorithm() + " key"));
        Dsig.init();
        this.fallbackCheck = new DocumentVerifier(policy);
        checkKeyFitsCertificate();
    }

    /** The signature method URI this signer writes. */
    public String signatureMethod() {
        return signatureMethod;
    }

    public SigningCredential credential() {
        return credential;
    }

    /**
     * Signs an unsigned document given as bytes; returns the signed bytes. For UTF-8 input that ends
     * plainly with the root's end tag, the result is the input with the signature inserted before the
     * root's end tag, byte for byte; any other input is signed as a DOM, serialised, and that output
     * verified before it is returned.
     */
    public byte[] sign(byte[] unsignedXml) throws DocumentSigningException {
        Objects.requireNonNull(unsignedXml, "unsignedXml");
        Document doc;
        try {
            doc = HardenedXml.parse(unsignedXml);
        } catch (MessageRejectedException e) {
            throw new DocumentSigningException("the document to sign does not parse: " + e.getMessage(), e);
        }
        return signParsed(doc, unsignedXml);
    }

    /**
     * Signs an unsigned DOM; the given document is left unchanged. It is serialised and parsed again
     * first, so that what is signed is exactly what the returned bytes say (namespace declarations
     * included). For a DOM the caller does not need any more, {@link #signDocument} is cheaper.
     */
    public byte[] sign(Document unsigned) throws DocumentSigningException {
        Objects.requireNonNull(unsigned, "unsigned");
        byte[] bytes;
        try {
            bytes = Dsig.serialize((Document) unsigned.cloneNode(true));
        } catch (TransformerException e) {
            throw new DocumentSigningException("the document to sign cannot be serialised: " + e.getMessage(), e);
        }
        return sign(bytes);
    }

    /**
     * Signs a DOM in place — the same enveloped profile as {@link #sign(byte[])}, the ds:Signature
     * appended as the root's last child — and serialises it once, without parsing it again.
     *
     * <p>The DOM must be namespace-complete: every element and attribute in a namespace carries a
     * prefix that an {@code xmlns} attribute of it or of an ancestor binds to that namespace (and an
     * unprefixed element outside any namespace has no default namespace in scope). That is what a
     * parser or a JAXB marshal to a {@code DOMResult} produces ({@code Hi1Codec.writeDocument}); it
     * is what makes the canonical form signed from the tree the same as the one a verifier computes
     * from the bytes. A DOM that is not is refused, before anything is changed.
     *
     * @param doc an unsigned, namespace-complete DOM; it holds the signature afterwards
     * @return the signed document as UTF-8 bytes (no re-indenting)
     * @throws DocumentSigningException when the DOM is not namespace-complete, is already signed, or
     *         cannot be signed or serialised
     */
    public byte[] signDocument(Document doc) throws DocumentSigningException {
        Objects.requireNonNull(doc, "doc");
        NamespaceCompleteness.check(doc);
        signInPlace(doc);
        try {
            return Dsig.serialize(doc);
        } catch (TransformerException e) {
            throw new DocumentSigningException("cannot serialise the signed document: " + e.getMessage(), e);
        }
    }

    private byte[] signParsed(Document doc, byte[] original) throws DocumentSigningException {
        Signed signed = signInPlace(doc);
        try {
            Optional<byte[]> spliced = signed.layout().splice(original, doc, Dsig.serializeFragment(signed.element()));
            if (spliced.isPresent()) {
                return spliced.get();
            }
            // unusual input (not UTF-8, a comment after the root, a character reference in the
            // trailing whitespace...): serialise the DOM, and check that output in full
            byte[] serialized = Dsig.serialize(doc);
            fallbackCheck.verify(serialized);
            return serialized;
        } catch (TransformerException e) {
            throw new DocumentSigningException("cannot serialise the signed document: " + e.getMessage(), e);
        } catch (MessageRejectedException e) {
            throw new DocumentSigningException("the signed document does not verify (" + e.code().code() + " "
                    + e.code() + "): " + e.getMessage(), e);
        }
    }

    /** The signature just computed in a DOM, and where it was put. */
    private record Signed(Element element, SignatureLayout layout) {
    }

    /** Appends and computes the enveloped signature; the DOM holds it afterwards. */
    private Signed signInPlace(Document doc) throws DocumentSigningException {
        if (doc.getDocumentElement() == null) {
            throw new DocumentSigningException("the document to sign has no root element");
        }
        if (doc.getElementsByTagNameNS(Dsig.NS, "Signature").getLength() > 0) {
            throw new DocumentSigningException("the document already carries a ds:Signature");
        }
        try {
            XMLSignature signature = new XMLSignature(doc, "", signatureMethod, AlgorithmPolicy.C14N_11);
            Element signatureElement = signature.getElement();
            SignatureLayout layout = SignatureLayout.append(doc.getDocumentElement(), signatureElement);
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(AlgorithmPolicy.ENVELOPED_SIGNATURE);
            transforms.addTransform(AlgorithmPolicy.C14N_11);
            signature.addDocument("", transforms, AlgorithmPolicy.SHA256);
            signature.addKeyInfo(credential.certificate());
            layout.indentSignature(signatureElement);
            signature.sign(credential.privateKey());
            compactBase64(signatureElement, "SignatureValue");
            compactBase64(signatureElement, "X509Certificate");
            return new Signed(signatureElement, layout);
        } catch (XMLSecurityException | RuntimeException e) {
            throw new DocumentSigningException("signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Signs a small probe document with the private key and verifies it with the certificate's key,
     * through the same verifier a peer runs, so that a key and a certificate that do not belong
     * together stop the node when it starts rather than at its first message.
     */
    private void checkKeyFitsCertificate() {
        Document probe = HardenedXml.newDocument();
        Element root = probe.createElementNS(PROBE_NS, "KeyProbe");
        root.setAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", PROBE_NS);
        probe.appendChild(root);
        try {
            fallbackCheck.verify(signDocument(probe));
        } catch (DocumentSigningException e) {
            throw new IllegalArgumentException("the signing key cannot sign a probe document: " + e.getMessage()
                    + " - do the private key and the certificate belong together?", e);
        } catch (MessageRejectedException e) {
            throw new IllegalArgumentException("a probe document signed with this key does not verify ("
                    + e.code().code() + " " + e.code() + "): " + e.getMessage()
                    + " - do the private key and the certificate belong together?", e);
        }
    }

    private static String withoutWhitespace(String base64) {
        StringBuilder compact = new StringBuilder(base64.length());
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        return compact.toString();
    }

    /** Santuario wraps base64 with CR LF (serialised as &amp;#13;); these values are outside SignedInfo, so write them on one line. */
    private static void compactBase64(Element signature, String localName) {
        NodeList nodes = signature.getElementsByTagNameNS(Dsig.NS, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            node.setTextContent(withoutWhitespace(node.getTextContent()));
        }
    }
}
