package org.lexgate.trust.pki;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.lexgate.trust.signature.SigningCredential;

/**
 * One signer of the test PKI: its key and certificate in memory and where they are on disk.
 * NOT FOR PRODUCTION.
 *
 * @param alias the keystore alias and file name stem, e.g. "xa-agency", "xa-agency-ec", "bad-expired"
 * @param party the party the certificate is for (or, for a bad signer, claims to be)
 * @param bad which defect it has, or empty for a good signer
 * @param keyDescription "RSA-2048", "EC-P256", "Ed25519" or "RSA-1024"
 * @param certificate the signer's certificate
 * @param chain the certificate and its issuer (the development CA, or the unknown CA)
 * @param privateKey the signing key
 * @param keystore the PKCS#12 file (password {@link TestPki#KEYSTORE_PASSWORD}, entry {@code alias})
 * @param certificatePem the certificate, PEM
 * @param privateKeyPem the private key, unencrypted PKCS#8 PEM (for xmlsec1 and openssl)
 */
public record TestIdentity(String alias, TestParty party, Optional<BadSigner> bad, String keyDescription,
        X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey,
        Path keystore, Path certificatePem, Path privateKeyPem) {

    public TestIdentity {
        chain = List.copyOf(chain);
    }

    /** The credential a {@link org.lexgate.trust.signature.DocumentSigner} signs with. */
    public SigningCredential credential() {
        return new SigningCredential(privateKey, certificate, chain);
    }

    @Override
    public String toString() {
        return "TestIdentity[" + alias + ", " + keyDescription + ", " + certificate.getSubjectX500Principal() + "]";
    }
}
