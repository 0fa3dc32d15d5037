package org.lexgate.gateway.inbound;

import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;
import org.lexgate.store.SignerRef;

/** How the store names a signer: RFC 2253 subject and hex serial. */
public final class Signers {

    private Signers() {
    }

    public static SignerRef of(X509Certificate certificate) {
        return new SignerRef(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getSerialNumber().toString(16));
    }
}
