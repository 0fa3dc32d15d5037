package org.lexgate.trust.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Reads one {@code trustAnchor}: the CA certificate must be a CA, each CRL must be issued and
 * signed by it, and an anchor whose revocation is checked must list at least one CRL.
 */
final class AnchorParser {

    private final ParseContext context;

    AnchorParser(ParseContext context) {
        this.context = context;
    }

    Optional<Anchor> parse(Element element) {
        String id = Dom.attribute(element, "id").orElse("");
        boolean revocationChecked = !"none".equals(Dom.attribute(element, "revocation").orElse("crl"));
        Optional<X509Certificate> certificate = Dom.child(element, "certificate")
                .flatMap(c -> context.certificate(c, "trust anchor " + id));
        if (certificate.isEmpty()) {
            return Optional.empty();
        }
        X509Certificate ca = certificate.get();
        if (ca.getBasicConstraints() < 0) {
            context.error(element, "trust anchor " + id + ": certificate " + ca.getSubjectX500Principal()
                    + " is not a CA certificate (no basicConstraints cA=true)");
        }
        List<X509CRL> crls = new ArrayList<>();
        for (Element crlElement : Dom.children(element, "crl")) {
            crl(id, ca, crlElement).ifPresent(crls::add);
        }
        if (revocationChecked && Dom.children(element, "crl").isEmpty()) {
            context.error(element, "trust anchor " + id
                    + ": lists no CRL; add <crl file=\"...\"/> or set revocation=\"none\" (development only)");
        }
        return Optional.of(new Anchor(id, ca, crls, revocationChecked));
    }

    private Optional<X509CRL> crl(String id, X509Certificate ca, Element element) {
        Path file = context.resolve(Dom.attribute(element, "file").orElse(""));
        X509CRL crl;
        try {
            crl = CertificateFiles.crlFromFile(file);
        } catch (IOException | GeneralSecurityException e) {
            context.error(element, "trust anchor " + id + ": unreadable CRL " + file + ": " + ParseContext.oneLine(e));
            return Optional.empty();
        }
        if (!crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            context.error(element, "trust anchor " + id + ": CRL " + file + " is issued by "
                    + crl.getIssuerX500Principal() + ", not by the anchor " + ca.getSubjectX500Principal());
            return Optional.empty();
        }
        try {
            crl.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            context.error(element, "trust anchor " + id + ": CRL " + file + " is not signed by the anchor: "
                    + ParseContext.oneLine(e));
            return Optional.empty();
        }
        return Optional.of(crl);
    }
}
