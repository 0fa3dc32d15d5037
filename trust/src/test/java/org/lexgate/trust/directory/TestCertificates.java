package org.lexgate.trust.directory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Real certificates and CRLs for the directory and binding tests, made with BouncyCastle at test
 * time. Small on purpose: the node's own test PKI is {@code org.lexgate.trust.pki.TestPki}; this
 * helper makes the odd certificates a single test needs (a CA that is not a CA, a CRL from the
 * wrong issuer...). NOT FOR PRODUCTION.
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key pair and the certificate for it. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private TestCertificates() {
    }

    public static KeyPair ecKey() {
        return generate("EC", 0);
    }

    public static KeyPair rsaKey(int bits) {
        return generate("RSA", bits);
    }

    public static Issued ca(String dn) {
        KeyPair keys = ecKey();
        Instant now = Instant.now();
        return new Issued(keys, build(dn, keys, dn, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true));
    }

    /** An end-entity signing certificate valid from yesterday for a year. */
    public static Issued signer(Issued ca, String dn) {
        Instant now = Instant.now();
        return signer(ca, dn, ecKey(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    public static Issued signer(Issued ca, String dn, KeyPair keys, Instant notBefore, Instant notAfter) {
        String issuer = ca.certificate().getSubjectX500Principal().getName();
        return new Issued(keys, build(dn, keys, issuer, ca.keys(), notBefore, notAfter, false));
    }

    /** A self-signed end-entity certificate (as xmlsec1 users and ETSI's example make). */
    public static Issued selfSigned(String dn) {
        KeyPair keys = ecKey();
        Instant now = Instant.now();
        return new Issued(keys, build(dn, keys, dn, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false));
    }

    /** A CRL of {@code ca} listing {@code revoked}, current from an hour ago for {@code validFor}. */
    public static X509CRL crl(Issued ca, Duration validFor, X509Certificate... revoked) {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now.minus(Duration.ofHours(1))));
            builder.setNextUpdate(Date.from(now.plus(validFor)));
            for (X509Certificate certificate : revoked) {
                builder.addCRLEntry(certificate.getSerialNumber(), Date.from(now.minus(Duration.ofMinutes(30))),
                        CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(builder.build(signer(ca.keys())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path writePem(Path file, Object certificateOrCrl) {
        try {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
                pem.writeObject(certificateOrCrl);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(Object certificateOrCrl) {
        try {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
                pem.writeObject(certificateOrCrl);
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate build(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            Instant notBefore, Instant notAfter, boolean isCa) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    new X500Name(subject), subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(isCa
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKeys)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner signer(KeyPair keys) {
        try {
            String algorithm = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
