package org.lexgate.soap;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for the hop tests (soap, and delivery through soap's test jar), made at test time. NOT FOR PRODUCTION: fixed passwords,
 * keys on a temporary disk. A CA issues party certificates (RSA-2048, SHA-256, with
 * localhost / 127.0.0.1 as subject alternative names so they also serve TLS); each party gets a
 * PKCS#12 keystore and a PKCS#12 truststore holding only its CA.
 */
public final class TestHopPki {

    public static final char[] PASSWORD = "not-for-production".toCharArray();
    public static final String ALIAS = "hop";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final String caName;
    private final KeyPair caKeys;
    private final X509Certificate caCert;

    private TestHopPki(Path dir, String caName) throws Exception {
        this.dir = dir;
        this.caName = caName;
        this.caKeys = rsa();
        X500Name subject = new X500Name("CN=" + caName + " (NOT FOR PRODUCTION),O=lexgate test");
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))),
                subject, caKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.caCert = sign(b, caKeys.getPrivate());
    }

    /** A new CA whose files go under {@code dir}. */
    public static TestHopPki create(Path dir, String caName) throws Exception {
        Files.createDirectories(dir);
        return new TestHopPki(dir, caName);
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    /** A party with a key and certificate from this CA, and a truststore holding this CA. */
    public HopKeys party(String name) throws Exception {
        return partyTrusting(name, this);
    }

    /** A party with a key from this CA that trusts {@code anchors}' CA instead. */
    public HopKeys partyTrusting(String name, TestHopPki anchors) throws Exception {
        KeyPair keys = rsa();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(),
                Date.from(Instant.now().minus(Duration.ofHours(1))), Date.from(Instant.now().plus(Duration.ofDays(7))),
                new X500Name("CN=" + name + " hop (NOT FOR PRODUCTION),O=lexgate test"), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert = sign(b, caKeys.getPrivate());

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(ALIAS, keys.getPrivate(), PASSWORD, new X509Certificate[] {cert, caCert});
        Path keyFile = dir.resolve(caName + "-" + name + "-keys.p12");
        write(keyStore, keyFile);

        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("ca", anchors.caCert);
        Path trustFile = dir.resolve(caName + "-" + name + "-trust.p12");
        write(trustStore, trustFile);
        return HopKeys.of(keyFile, PASSWORD, ALIAS, trustFile, PASSWORD);
    }

    private static void write(KeyStore store, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
