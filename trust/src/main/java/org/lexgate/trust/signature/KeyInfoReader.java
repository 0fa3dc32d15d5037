package org.lexgate.trust.signature;

import static org.lexgate.message.ErrorCode.SIGNATURE_KEY_INFO_INVALID;
import static org.lexgate.trust.signature.SignatureShape.refuseIf;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.lexgate.message.MessageRejectedException;
import org.w3c.dom.Element;

/**
 * Reads the signer's certificate from {@code ds:KeyInfo}: exactly one {@code ds:X509Data} with one or
 * more {@code ds:X509Certificate} (a chain in any order); {@code ds:KeyName} and the X509Data name
 * hints are tolerated and ignored. Anything that would make lexgate fetch or trust a key from
 * elsewhere (RetrievalMethod, a bare KeyValue, X509Data without a certificate) is refused.
 */
final class KeyInfoReader {

    /** More than this many certificates in one KeyInfo is not a chain but a resource attack. */
    static final int MAX_CERTIFICATES = 8;

    private static final Set<String> IGNORED_X509_HINTS = Set.of("X509IssuerSerial", "X509SubjectName", "X509SKI");

    private KeyInfoReader() {
    }

    /** The certificates, the signer's first. */
    static List<X509Certificate> read(Element keyInfo) throws MessageRejectedException {
        boolean[] text = new boolean[1];
        Element x509Data = null;
        for (Element child : Dsig.elementChildren(keyInfo, text)) {
            if (Dsig.isDsig(child, "X509Data")) {
                refuseIf(x509Data != null, SIGNATURE_KEY_INFO_INVALID, "more than one ds:X509Data in ds:KeyInfo");
                x509Data = child;
            } else if (!Dsig.isDsig(child, "KeyName")) {
                throw SignatureShape.refusal(SIGNATURE_KEY_INFO_INVALID, "ds:KeyInfo holds " + Dsig.name(child)
                        + "; only ds:X509Data with the signer's certificate is accepted");
            }
        }
        refuseIf(text[0], SIGNATURE_KEY_INFO_INVALID, "text content inside ds:KeyInfo");
        refuseIf(x509Data == null, SIGNATURE_KEY_INFO_INVALID, "ds:KeyInfo holds no ds:X509Data");
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element child : Dsig.elementChildren(x509Data, text)) {
            if (Dsig.isDsig(child, "X509Certificate")) {
                refuseIf(certificates.size() >= MAX_CERTIFICATES, SIGNATURE_KEY_INFO_INVALID,
                        "more than " + MAX_CERTIFICATES + " certificates in ds:X509Data");
                certificates.add(parse(child.getTextContent()));
            } else if (!(Dsig.NS.equals(child.getNamespaceURI()) && IGNORED_X509_HINTS.contains(child.getLocalName()))) {
                throw SignatureShape.refusal(SIGNATURE_KEY_INFO_INVALID, "unexpected " + Dsig.name(child) + " in ds:X509Data");
            }
        }
        refuseIf(text[0], SIGNATURE_KEY_INFO_INVALID, "text content inside ds:X509Data");
        refuseIf(certificates.isEmpty(), SIGNATURE_KEY_INFO_INVALID, "ds:X509Data holds no ds:X509Certificate");
        X509Certificate signer = leaf(certificates);
        List<X509Certificate> ordered = new ArrayList<>();
        ordered.add(signer);
        certificates.stream().filter(c -> c != signer).forEach(ordered::add);
        return ordered;
    }

    private static X509Certificate parse(String base64) throws MessageRejectedException {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new MessageRejectedException(SIGNATURE_KEY_INFO_INVALID, "unreadable ds:X509Certificate: " + e.getMessage(), e);
        }
    }

    /** The one certificate that issued none of the others. */
    private static X509Certificate leaf(List<X509Certificate> certificates) throws MessageRejectedException {
        if (certificates.size() == 1) {
            return certificates.get(0);
        }
        List<X509Certificate> leaves = new ArrayList<>();
        for (X509Certificate candidate : certificates) {
            boolean issuesAnother = certificates.stream().anyMatch(other -> other != candidate
                    && other.getIssuerX500Principal().equals(candidate.getSubjectX500Principal()));
            if (!issuesAnother) {
                leaves.add(candidate);
            }
        }
        refuseIf(leaves.size() != 1, SIGNATURE_KEY_INFO_INVALID,
                "cannot tell the signer among " + certificates.size() + " certificates (" + leaves.size() + " end entities)");
        return leaves.get(0);
    }
}
