package org.lexgate.trust.signature;

import static org.lexgate.message.ErrorCode.SIGNATURE_ALGORITHM_NOT_ALLOWED;
import static org.lexgate.message.ErrorCode.SIGNATURE_MISSING;
import static org.lexgate.message.ErrorCode.SIGNATURE_REFERENCE_INVALID;
import static org.lexgate.message.ErrorCode.SIGNATURE_STRUCTURE_INVALID;
import static org.lexgate.message.ErrorCode.SIGNATURE_TRANSFORM_NOT_ALLOWED;

import java.util.ArrayList;
import java.util.List;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The shape lexgate accepts, checked on the DOM before any cryptography runs: exactly one
 * {@code ds:Signature} in the whole document, the last element child of the root; in it SignedInfo,
 * SignatureValue and KeyInfo and nothing else (no ds:Object, where wrapped content would hide);
 * SignedInfo with an allowed canonicalisation and signature method and exactly one Reference whose
 * {@code URI=""} covers the whole document, transformed by enveloped-signature and at most one
 * allowed canonicalisation, digested with an allowed digest.
 */
final class SignatureShape {

    final Element signature;
    final Element signedInfo;
    final Element keyInfo;
    final String canonicalizationMethod;
    final String signatureMethod;
    final String digestMethod;
    final List<String> transforms;

    private SignatureShape(Element signature, Element signedInfo, Element keyInfo, String c14n,
            String signatureMethod, String digestMethod, List<String> transforms) {
        this.signature = signature;
        this.signedInfo = signedInfo;
        this.keyInfo = keyInfo;
        this.canonicalizationMethod = c14n;
        this.signatureMethod = signatureMethod;
        this.digestMethod = digestMethod;
        this.transforms = List.copyOf(transforms);
    }

    static SignatureShape check(Document doc, AlgorithmPolicy policy) throws MessageRejectedException {
        Element signature = locate(doc);
        boolean[] text = new boolean[1];
        List<Element> parts = Dsig.elementChildren(signature, text);
        refuseIf(text[0], SIGNATURE_STRUCTURE_INVALID, "text content directly inside ds:Signature");
        refuseIf(parts.size() < 2 || !Dsig.isDsig(parts.get(0), "SignedInfo") || !Dsig.isDsig(parts.get(1), "SignatureValue"),
                SIGNATURE_STRUCTURE_INVALID, "ds:Signature must start with ds:SignedInfo and ds:SignatureValue");
        Element keyInfo = null;
        for (Element part : parts.subList(2, parts.size())) {
            if (Dsig.isDsig(part, "KeyInfo") && keyInfo == null) {
                keyInfo = part;
            } else {
                throw refusal(SIGNATURE_STRUCTURE_INVALID, "unexpected " + Dsig.name(part) + " in ds:Signature"
                        + (Dsig.isDsig(part, "Object") ? " (ds:Object is not accepted)" : ""));
            }
        }
        Element signedInfo = parts.get(0);
        List<Element> si = Dsig.elementChildren(signedInfo, text);
        refuseIf(text[0], SIGNATURE_STRUCTURE_INVALID, "text content inside ds:SignedInfo");
        refuseIf(si.size() < 3 || !Dsig.isDsig(si.get(0), "CanonicalizationMethod") || !Dsig.isDsig(si.get(1), "SignatureMethod"),
                SIGNATURE_STRUCTURE_INVALID, "ds:SignedInfo must hold CanonicalizationMethod, SignatureMethod and a Reference");
        for (Element ref : si.subList(2, si.size())) {
            refuseIf(!Dsig.isDsig(ref, "Reference"), SIGNATURE_STRUCTURE_INVALID,
                    "unexpected " + Dsig.name(ref) + " in ds:SignedInfo");
        }
        refuseIf(si.size() != 3, SIGNATURE_STRUCTURE_INVALID,
                "ds:SignedInfo holds " + (si.size() - 2) + " references; exactly one is accepted");

        String c14n = algorithm(si.get(0));
        refuseIf(!policy.allowsCanonicalization(c14n), SIGNATURE_ALGORITHM_NOT_ALLOWED,
                "canonicalization method not allowed: " + c14n);
        checkParameters(si.get(0), c14n, SIGNATURE_STRUCTURE_INVALID);
        String signatureMethod = algorithm(si.get(1));
        refuseIf(!policy.allowsSignatureMethod(signatureMethod), SIGNATURE_ALGORITHM_NOT_ALLOWED,
                "signature method not allowed: " + signatureMethod);
        refuseIf(!Dsig.elementChildren(si.get(1), null).isEmpty(), SIGNATURE_STRUCTURE_INVALID,
                "ds:SignatureMethod must not carry parameters");

        Element reference = si.get(2);
        refuseIf(!reference.hasAttributeNS(null, "URI"), SIGNATURE_REFERENCE_INVALID,
                "the reference has no URI attribute; URI=\"\" (the whole document) is required");
        String uri = reference.getAttributeNS(null, "URI");
        refuseIf(!uri.isEmpty(), SIGNATURE_REFERENCE_INVALID,
                "the reference URI is \"" + abbreviate(uri) + "\"; only URI=\"\" (the whole document) is accepted");
        refuseIf(reference.hasAttributeNS(null, "Type"), SIGNATURE_REFERENCE_INVALID,
                "the reference carries Type=\"" + abbreviate(reference.getAttributeNS(null, "Type")) + "\"");
        List<Element> refParts = Dsig.elementChildren(reference, text);
        refuseIf(text[0], SIGNATURE_STRUCTURE_INVALID, "text content inside ds:Reference");
        List<String> transforms = new ArrayList<>();
        int next = 0;
        if (!refParts.isEmpty() && Dsig.isDsig(refParts.get(0), "Transforms")) {
            transforms = transforms(refParts.get(0), policy);
            next = 1;
        }
        refuseIf(transforms.isEmpty() || !AlgorithmPolicy.ENVELOPED_SIGNATURE.equals(transforms.get(0)),
                SIGNATURE_TRANSFORM_NOT_ALLOWED, "the transforms must be enveloped-signature, then optionally one canonicalization: " + transforms);
        refuseIf(refParts.size() != next + 2 || !Dsig.isDsig(refParts.get(next), "DigestMethod")
                || !Dsig.isDsig(refParts.get(next + 1), "DigestValue"),
                SIGNATURE_STRUCTURE_INVALID, "ds:Reference must hold Transforms, DigestMethod and DigestValue");
        String digest = algorithm(refParts.get(next));
        refuseIf(!policy.allowsDigestMethod(digest), SIGNATURE_ALGORITHM_NOT_ALLOWED, "digest method not allowed: " + digest);
        refuseIf(keyInfo == null, ErrorCode.SIGNATURE_KEY_INFO_INVALID, "ds:Signature has no ds:KeyInfo");
        return new SignatureShape(signature, signedInfo, keyInfo, c14n, signatureMethod, digest, transforms);
    }

    /** Exactly one ds:Signature in the whole document, and it is the last element child of the root. */
    private static Element locate(Document doc) throws MessageRejectedException {
        Element root = doc.getDocumentElement();
        NodeList all = doc.getElementsByTagNameNS(Dsig.NS, "Signature");
        refuseIf(all.getLength() == 0, SIGNATURE_MISSING, "no ds:Signature in the document");
        refuseIf(all.getLength() > 1, SIGNATURE_STRUCTURE_INVALID,
                all.getLength() + " ds:Signature elements; exactly one is accepted");
        Element signature = (Element) all.item(0);
        refuseIf(signature.getParentNode() != root, SIGNATURE_STRUCTURE_INVALID,
                "ds:Signature is not a direct child of the root element " + Dsig.name(root));
        List<Element> rootChildren = Dsig.elementChildren(root, null);
        refuseIf(rootChildren.get(rootChildren.size() - 1) != signature, SIGNATURE_STRUCTURE_INVALID,
                "ds:Signature is not the last child element of the root");
        return signature;
    }

    private static List<String> transforms(Element transformsElement, AlgorithmPolicy policy) throws MessageRejectedException {
        boolean[] text = new boolean[1];
        List<String> algorithms = new ArrayList<>();
        for (Element transform : Dsig.elementChildren(transformsElement, text)) {
            refuseIf(!Dsig.isDsig(transform, "Transform"), SIGNATURE_STRUCTURE_INVALID,
                    "unexpected " + Dsig.name(transform) + " in ds:Transforms");
            String algorithm = algorithm(transform);
            boolean allowed = AlgorithmPolicy.ENVELOPED_SIGNATURE.equals(algorithm) || policy.allowsCanonicalization(algorithm);
            refuseIf(!allowed, SIGNATURE_TRANSFORM_NOT_ALLOWED, "transform not allowed: " + algorithm);
            checkParameters(transform, algorithm, SIGNATURE_TRANSFORM_NOT_ALLOWED);
            algorithms.add(algorithm);
        }
        refuseIf(text[0], SIGNATURE_STRUCTURE_INVALID, "text content inside ds:Transforms");
        boolean shapeOk = (algorithms.size() == 1 || algorithms.size() == 2)
                && AlgorithmPolicy.ENVELOPED_SIGNATURE.equals(algorithms.get(0))
                && (algorithms.size() == 1 || policy.allowsCanonicalization(algorithms.get(1)));
        refuseIf(!shapeOk, SIGNATURE_TRANSFORM_NOT_ALLOWED,
                "the transforms must be enveloped-signature, then optionally one canonicalization: " + algorithms);
        return algorithms;
    }

    /** Only exclusive C14N may carry a parameter: its ec:InclusiveNamespaces PrefixList. */
    private static void checkParameters(Element method, String algorithm, ErrorCode code) throws MessageRejectedException {
        List<Element> params = Dsig.elementChildren(method, null);
        for (Element param : params) {
            boolean inclusiveNamespaces = AlgorithmPolicy.EXC_C14N.equals(algorithm) && params.size() == 1
                    && Dsig.EXC_C14N_NS.equals(param.getNamespaceURI()) && "InclusiveNamespaces".equals(param.getLocalName());
            refuseIf(!inclusiveNamespaces, code, "unexpected parameter " + Dsig.name(param) + " for " + algorithm);
        }
    }

    private static String algorithm(Element e) {
        return e.hasAttributeNS(null, "Algorithm") ? e.getAttributeNS(null, "Algorithm") : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    static void refuseIf(boolean condition, ErrorCode code, String detail) throws MessageRejectedException {
        if (condition) {
            throw refusal(code, detail);
        }
    }

    static MessageRejectedException refusal(ErrorCode code, String detail) {
        return new MessageRejectedException(code, detail);
    }
}
