package org.lexgate.trust.directory;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certification authority the directory trusts, with the CRLs that say which of its
 * certificates are revoked. {@code revocationChecked} is false only when the file says
 * {@code revocation="none"} (development). The CRLs' signatures were checked against the anchor
 * when the directory was loaded.
 */
public record Anchor(String id, X509Certificate certificate, List<X509CRL> crls, boolean revocationChecked) {

    public Anchor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(certificate, "certificate");
        crls = List.copyOf(crls);
    }

    /**
     * True when this anchor issued {@code certificate}: the issuer names it and its key verifies the
     * signature. The signature check of a pair of certificates is done once and remembered.
     */
    public boolean issued(X509Certificate issued) {
        return IssuedBy.check(certificate, issued);
    }
}
