package org.lexgate.trust.signature;

import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.apache.xml.security.keys.content.RetrievalMethod;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPathContainer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Santuario driven directly, without lexgate's rules: makes cryptographically valid signatures with
 * whatever algorithms, transforms, references and KeyInfo an attacker or another implementation
 * might choose, so the tests show the verifier refusing the choice itself, not a broken signature.
 */
final class RawSigner {

    enum KeyInfoMode { X509, NONE, KEY_VALUE_ONLY, RETRIEVAL_METHOD }

    String signatureMethod = AlgorithmPolicy.RSA_SHA256;
    String canonicalization = AlgorithmPolicy.C14N_11;
    String digest = AlgorithmPolicy.SHA256;
    List<String> transforms = new ArrayList<>(List.of(AlgorithmPolicy.ENVELOPED_SIGNATURE, AlgorithmPolicy.C14N_11));
    String referenceUri = "";
    /** When set, this element (by local name, Core namespace) gets Id="signed" before signing. */
    String idOn;
    KeyInfoMode keyInfo = KeyInfoMode.X509;

    RawSigner signatureMethod(String uri) {
        signatureMethod = uri;
        return this;
    }

    RawSigner canonicalization(String uri) {
        canonicalization = uri;
        return this;
    }

    RawSigner digest(String uri) {
        digest = uri;
        return this;
    }

    RawSigner transforms(String... uris) {
        transforms = new ArrayList<>(List.of(uris));
        return this;
    }

    RawSigner reference(String uri, String idOnElement) {
        referenceUri = uri;
        idOn = idOnElement;
        return this;
    }

    RawSigner keyInfo(KeyInfoMode mode) {
        keyInfo = mode;
        return this;
    }

    byte[] sign(byte[] unsigned, Key key, X509Certificate certificate) throws Exception {
        Dsig.init();
        Document doc = Fixtures.parse(unsigned);
        if (idOn != null) {
            Element target = Fixtures.first(doc, Fixtures.CORE_NS, idOn);
            target.setAttributeNS(null, "Id", "signed");
            target.setIdAttributeNS(null, "Id", true);
        }
        XMLSignature signature = new XMLSignature(doc, "", signatureMethod, canonicalization);
        doc.getDocumentElement().appendChild(signature.getElement());
        Transforms chain = new Transforms(doc);
        for (String transform : transforms) {
            if (Transforms.TRANSFORM_XPATH.equals(transform)) {
                XPathContainer xpath = new XPathContainer(doc);
                xpath.setXPathNamespaceContext("ds", Fixtures.DS_NS);
                xpath.setXPath("not(ancestor-or-self::ds:Signature)");
                chain.addTransform(transform, xpath.getElementPlusReturns());
            } else {
                chain.addTransform(transform);
            }
        }
        signature.addDocument(referenceUri, chain, digest);
        switch (keyInfo) {
            case X509 -> signature.addKeyInfo(certificate);
            case KEY_VALUE_ONLY -> signature.addKeyInfo(certificate.getPublicKey());
            case RETRIEVAL_METHOD -> signature.getKeyInfo().add(new RetrievalMethod(doc,
                    "http://attacker.invalid/signer.cer", null, RetrievalMethod.TYPE_RAWX509));
            case NONE -> { }
        }
        signature.sign(key);
        return Fixtures.serialize(doc);
    }
}
