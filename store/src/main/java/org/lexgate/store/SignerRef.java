package org.lexgate.store;

import java.util.Objects;

/**
 * Who signed a document: the signing certificate's subject DN and serial number (as the trust
 * module reports them, e.g. RFC 2253 subject and hex serial).
 */
public record SignerRef(String subject, String serial) {

    public SignerRef {
        Jdbc.requireText(subject, "signer subject");
        Objects.requireNonNull(serial, "signer serial");
    }
}
