package org.lexgate.trust.signature;

import java.util.Objects;
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
 * <p>The output is the signed document serialised as it stands (no re-indenting); before it is
 * returned it is parsed and verified again with {@link DocumentVerifier}, so lexgate never sends a
 * signature that it would itself refuse.
 *
 * <p>Thread-safe; one instance per signing key.
 */
public final class DocumentSigner {

    private final SigningCredential credential;
    private final AlgorithmPolicy policy;
    private final String signatureMethod;
    private final DocumentVerifier selfCheck;

    /** A signer with the lexgate profile: refuses keys below RSA-2048 / P-256. */
    public DocumentSigner(SigningCredential credential) {
        this(credential, AlgorithmPolicy.lexgateDefault());
    }

    /**
     * A signer with the given policy.
     *
     * @throws IllegalArgumentException when the policy refuses the key (type or strength)
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
        this.selfCheck = new DocumentVerifier(policy);
        Dsig.init();
    }

    /** The signature method URI this signer writes. */
    public String signatureMethod() {
        return signatureMethod;
    }

    public SigningCredential credential() {
        return credential;
    }

    /**
     * Signs an unsigned document given as bytes; returns the signed bytes. For UTF-8 input the
     * result is the input with the signature inserted before the root's end tag, byte for byte.
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
     * included).
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

    private byte[] signParsed(Document doc, byte[] original) throws DocumentSigningException {
        if (doc.getElementsByTagNameNS(Dsig.NS, "Signature").getLength() > 0) {
            throw new DocumentSigningException("the document already carries a ds:Signature");
        }
        Element signatureElement;
        SignatureLayout layout;
        try {
            XMLSignature signature = new XMLSignature(doc, "", signatureMethod, AlgorithmPolicy.C14N_11);
            signatureElement = signature.getElement();
            layout = SignatureLayout.append(doc.getDocumentElement(), signatureElement);
            Transforms transforms = new Transforms(doc);
            transforms.addTransform(AlgorithmPolicy.ENVELOPED_SIGNATURE);
            transforms.addTransform(AlgorithmPolicy.C14N_11);
            signature.addDocument("", transforms, AlgorithmPolicy.SHA256);
            signature.addKeyInfo(credential.certificate());
            layout.indentSignature(signatureElement);
            signature.sign(credential.privateKey());
            compactBase64(signatureElement, "SignatureValue");
            compactBase64(signatureElement, "X509Certificate");
        } catch (XMLSecurityException | RuntimeException e) {
            throw new DocumentSigningException("signing failed: " + e.getMessage(), e);
        }
        MessageRejectedException spliceRefused = null;
        try {
            var spliced = layout.splice(original, doc, Dsig.serializeFragment(signatureElement));
            if (spliced.isPresent()) {
                try {
                    selfCheck.verify(spliced.get());
                    return spliced.get();
                } catch (MessageRejectedException e) {
                    spliceRefused = e; // unusual input (character references in the trailing whitespace...): serialise the DOM
                }
            }
            byte[] serialized = Dsig.serialize(doc);
            selfCheck.verify(serialized);
            return serialized;
        } catch (TransformerException e) {
            throw new DocumentSigningException("cannot serialise the signed document: " + e.getMessage(), e);
        } catch (MessageRejectedException e) {
            throw new DocumentSigningException("the signed document does not verify (" + e.code().code() + " " + e.code()
                    + "): " + e.getMessage() + " - do the private key and the certificate belong together?"
                    + (spliceRefused != null ? " (spliced form: " + spliceRefused.getMessage() + ")" : ""), e);
        }
    }

    /** Santuario wraps base64 with CR LF (serialised as &amp;#13;); these values are outside SignedInfo, so write them on one line. */
    private static void compactBase64(Element signature, String localName) {
        NodeList nodes = signature.getElementsByTagNameNS(Dsig.NS, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            node.setTextContent(node.getTextContent().replaceAll("\\s", ""));
        }
    }
}
