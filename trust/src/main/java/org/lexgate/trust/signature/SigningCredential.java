package org.lexgate.trust.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A private key and its certificate (with the rest of its chain, which is not put in signatures),
 * as the {@link DocumentSigner} uses them.
 *
 * @param privateKey the signing key
 * @param certificate the signer's certificate, written into KeyInfo/X509Data
 * @param chain the certificate followed by its issuers as the keystore holds them
 */
public record SigningCredential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public SigningCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = chain == null || chain.isEmpty() ? List.of(certificate) : List.copyOf(chain);
        if (!chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the signer's certificate");
        }
    }

    public SigningCredential(PrivateKey privateKey, X509Certificate certificate) {
        this(privateKey, certificate, List.of(certificate));
    }

    /** Reads a key entry from a PKCS#12 keystore (key password = keystore password). */
    public static SigningCredential fromPkcs12(Path keystore, char[] password, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        if (!store.isKeyEntry(alias)) {
            throw new GeneralSecurityException("no key entry '" + alias + "' in " + keystore + "; entries: "
                    + java.util.Collections.list(store.aliases()));
        }
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
        }
        return new SigningCredential(key, chain.get(0), chain);
    }
}
