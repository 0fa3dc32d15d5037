package org.lexgate.trust.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A development PKI, generated into a directory at test time (or by {@code lexgate pki init DIR}).
 * Everything in it is labelled NOT FOR PRODUCTION: a README.txt, and a suffix on every CN and O.
 *
 * <p>Layout ({@code *.p12} files use the fixed password {@link #KEYSTORE_PASSWORD}, entry = alias):
 * <pre>
 * DIR/README.txt
 * DIR/ca/root-ca.cert.pem, root-ca.p12          development root CA (RSA-2048)
 * DIR/ca/root-ca.crl.pem, root-ca.crl           its CRL (PEM, DER), listing bad-revoked
 * DIR/unknown-ca/unknown-ca.cert.pem, .p12      a CA nobody trusts (issues bad-unknown-ca)
 * DIR/parties/ALIAS.p12, .cert.pem, .key.pem    good signers: xa-agency, xa-cp, xb-cp, xb-provider,
 *                                               xa-provider (RSA-2048), xa-agency-ec (ECDSA P-256),
 *                                               xa-agency-ed25519 (Ed25519)
 * DIR/bad/ALIAS.p12, .cert.pem, .key.pem        bad-expired, bad-not-yet-valid, bad-revoked,
 *                                               bad-unknown-ca, bad-rsa-1024, bad-wrong-subject
 * </pre>
 * Certificates: subject {@code C=XA, O=<organisation> (NOT FOR PRODUCTION), CN=<party id> (NOT FOR
 * PRODUCTION)}, a SubjectAltName URI {@code urn:lexgate:party:<CountryCode>:<party id>}, key usage
 * digitalSignature + nonRepudiation. Good signers are valid from one day before generation for two years.
 */
public final class TestPki {

    /** The password of every keystore of the test PKI. Public on purpose: this PKI protects nothing. */
    public static final String KEYSTORE_PASSWORD = "not-for-production";
    public static final String NOT_FOR_PRODUCTION = "NOT FOR PRODUCTION";
    public static final String ROOT_CA_ALIAS = "root-ca";
    public static final String UNKNOWN_CA_ALIAS = "unknown-ca";
    /** Alias of XA-AGENCY's ECDSA P-256 signer. */
    public static final String XA_AGENCY_EC_ALIAS = "xa-agency-ec";
    /** Alias of XA-AGENCY's Ed25519 signer. */
    public static final String XA_AGENCY_ED25519_ALIAS = "xa-agency-ed25519";

    private static final Duration GOOD_VALIDITY = Duration.ofDays(730);

    private final Path directory;
    private final Instant generatedAt;
    private final X509Certificate rootCertificate;
    private final PrivateKey rootPrivateKey;
    private final X509CRL crl;
    private final X509Certificate unknownCaCertificate;
    private final Map<String, TestIdentity> identities;

    private TestPki(Path directory, Instant generatedAt, X509Certificate rootCertificate, PrivateKey rootPrivateKey,
            X509CRL crl, X509Certificate unknownCaCertificate, Map<String, TestIdentity> identities) {
        this.directory = directory;
        this.generatedAt = generatedAt;
        this.rootCertificate = rootCertificate;
        this.rootPrivateKey = rootPrivateKey;
        this.crl = crl;
        this.unknownCaCertificate = unknownCaCertificate;
        this.identities = identities;
    }

    /** Generates a fresh test PKI into {@code directory} (created if needed), valid from now. */
    public static TestPki generate(Path directory) throws IOException, GeneralSecurityException {
        return generate(directory, Instant.now());
    }

    /** Generates a fresh test PKI into {@code directory} as if it were {@code now}. */
    public static TestPki generate(Path directory, Instant now) throws IOException, GeneralSecurityException {
        Instant t = now.truncatedTo(ChronoUnit.SECONDS);
        List<Spec> specs = specs();
        Map<String, KeyPair> keys = generateKeys(specs);
        char[] password = KEYSTORE_PASSWORD.toCharArray();

        KeyPair rootKeys = keys.get(ROOT_CA_ALIAS);
        X509Certificate root = PkiBuilder.selfSignedCa(
                PkiBuilder.name(null, "lexgate test PKI", "lexgate development root CA"),
                rootKeys, t.minus(Duration.ofDays(1)), t.plus(Duration.ofDays(3650)));
        KeyPair unknownKeys = keys.get(UNKNOWN_CA_ALIAS);
        X509Certificate unknown = PkiBuilder.selfSignedCa(
                PkiBuilder.name(null, "Unknown Issuer", "Unknown CA"),
                unknownKeys, t.minus(Duration.ofDays(1)), t.plus(Duration.ofDays(3650)));
        writeCa(directory.resolve("ca"), ROOT_CA_ALIAS, root, rootKeys.getPrivate(), password);
        writeCa(directory.resolve("unknown-ca"), UNKNOWN_CA_ALIAS, unknown, unknownKeys.getPrivate(), password);

        Map<String, TestIdentity> identities = new LinkedHashMap<>();
        Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
        for (Spec spec : specs) {
            if (spec.folder == null) {
                continue;
            }
            BadSigner bad = spec.bad;
            boolean foreign = bad == BadSigner.UNKNOWN_CA;
            X509Certificate issuer = foreign ? unknown : root;
            PrivateKey issuerKey = foreign ? unknownKeys.getPrivate() : rootKeys.getPrivate();
            Instant notBefore = t.minus(Duration.ofDays(1));
            Instant notAfter = t.plus(GOOD_VALIDITY);
            if (bad == BadSigner.EXPIRED) {
                notBefore = t.minus(Duration.ofDays(400));
                notAfter = t.minus(Duration.ofDays(30));
            } else if (bad == BadSigner.NOT_YET_VALID) {
                notBefore = t.plus(Duration.ofDays(30));
                notAfter = t.plus(Duration.ofDays(30)).plus(GOOD_VALIDITY);
            }
            String country = spec.party.countryCode();
            String partyId = bad == BadSigner.WRONG_SUBJECT ? "XA-ROGUE" : spec.party.id();
            X500Name subject = bad == BadSigner.WRONG_SUBJECT
                    ? PkiBuilder.name(country, "Unlisted Organisation", partyId)
                    : PkiBuilder.name(country, spec.party.organisation(), partyId);
            BigInteger serial = PkiBuilder.serial();
            KeyPair pair = keys.get(spec.alias);
            X509Certificate certificate = PkiBuilder.endEntity(subject, "urn:lexgate:party:" + country + ":" + partyId,
                    pair.getPublic(), issuer, issuerKey, notBefore, notAfter, serial);
            if (bad == BadSigner.REVOKED) {
                revoked.put(serial, t.minus(Duration.ofHours(1)));
            }
            List<X509Certificate> chain = List.of(certificate, issuer);
            Path folder = directory.resolve(spec.folder);
            TestIdentity identity = new TestIdentity(spec.alias, spec.party, Optional.ofNullable(bad), spec.keyDescription,
                    certificate, chain, pair.getPrivate(), folder.resolve(spec.alias + ".p12"),
                    folder.resolve(spec.alias + ".cert.pem"), folder.resolve(spec.alias + ".key.pem"));
            PkiFiles.writePkcs12(identity.keystore(), spec.alias, pair.getPrivate(), chain, password);
            PkiFiles.writeCertificatePem(identity.certificatePem(), certificate);
            PkiFiles.writePrivateKeyPem(identity.privateKeyPem(), pair.getPrivate());
            identities.put(spec.alias, identity);
        }
        X509CRL crl = PkiBuilder.crl(root, rootKeys.getPrivate(), t, t.plus(Duration.ofDays(365)), revoked);
        PkiFiles.writeCrlPem(directory.resolve("ca/root-ca.crl.pem"), crl);
        Files.write(directory.resolve("ca/root-ca.crl"), crl.getEncoded());
        TestPki pki = new TestPki(directory, t, root, rootKeys.getPrivate(), crl, unknown, identities);
        Files.writeString(directory.resolve("README.txt"), TestPkiReadme.text(pki), StandardCharsets.UTF_8);
        return pki;
    }

    /** Reads back a test PKI that {@link #generate} wrote into {@code directory}. */
    public static TestPki load(Path directory) throws IOException, GeneralSecurityException {
        char[] password = KEYSTORE_PASSWORD.toCharArray();
        PkiFiles.KeyEntry root = PkiFiles.readPkcs12(directory.resolve("ca/root-ca.p12"), ROOT_CA_ALIAS, password);
        X509CRL crl = PkiFiles.readCrl(directory.resolve("ca/root-ca.crl"));
        X509Certificate unknown = PkiFiles.readCertificate(directory.resolve("unknown-ca/unknown-ca.cert.pem"));
        Map<String, TestIdentity> identities = new LinkedHashMap<>();
        for (Spec spec : specs()) {
            if (spec.folder == null) {
                continue;
            }
            Path folder = directory.resolve(spec.folder);
            Path keystore = folder.resolve(spec.alias + ".p12");
            PkiFiles.KeyEntry entry = PkiFiles.readPkcs12(keystore, spec.alias, password);
            identities.put(spec.alias, new TestIdentity(spec.alias, spec.party, Optional.ofNullable(spec.bad),
                    spec.keyDescription, entry.chain().get(0), entry.chain(), entry.key(), keystore,
                    folder.resolve(spec.alias + ".cert.pem"), folder.resolve(spec.alias + ".key.pem")));
        }
        return new TestPki(directory, crl.getThisUpdate().toInstant(), root.chain().get(0), root.key(), crl, unknown, identities);
    }

    public Path directory() {
        return directory;
    }

    /** When the PKI was generated (certificate validity is relative to this; also the CRL's thisUpdate). */
    public Instant generatedAt() {
        return generatedAt;
    }

    /** A fresh copy of {@link #KEYSTORE_PASSWORD}. */
    public char[] keystorePassword() {
        return KEYSTORE_PASSWORD.toCharArray();
    }

    public Path readme() {
        return directory.resolve("README.txt");
    }

    /** The development root CA: the trust anchor of every good (and most bad) signer. */
    public X509Certificate rootCertificate() {
        return rootCertificate;
    }

    public Path rootCertificatePem() {
        return directory.resolve("ca/root-ca.cert.pem");
    }

    /** PKCS#12 with the root CA's key (entry {@link #ROOT_CA_ALIAS}), to issue more test certificates. */
    public Path rootKeystore() {
        return directory.resolve("ca/root-ca.p12");
    }

    public PrivateKey rootPrivateKey() {
        return rootPrivateKey;
    }

    /** The root CA's CRL: lists {@link BadSigner#REVOKED}; next update one year after generation. */
    public X509CRL crl() {
        return crl;
    }

    public Path crlPem() {
        return directory.resolve("ca/root-ca.crl.pem");
    }

    public Path crlDer() {
        return directory.resolve("ca/root-ca.crl");
    }

    /** The CA that nobody trusts, issuer of {@link BadSigner#UNKNOWN_CA}. */
    public X509Certificate unknownCaCertificate() {
        return unknownCaCertificate;
    }

    public Path unknownCaCertificatePem() {
        return directory.resolve("unknown-ca/unknown-ca.cert.pem");
    }

    /** The party's default signer (RSA-2048). */
    public TestIdentity signer(TestParty party) {
        return identity(party.alias());
    }

    /** XA-AGENCY's ECDSA P-256 signer. */
    public TestIdentity ecSigner() {
        return identity(XA_AGENCY_EC_ALIAS);
    }

    /** XA-AGENCY's Ed25519 signer. */
    public TestIdentity ed25519Signer() {
        return identity(XA_AGENCY_ED25519_ALIAS);
    }

    public TestIdentity bad(BadSigner kind) {
        return identity(kind.alias());
    }

    public TestIdentity identity(String alias) {
        TestIdentity identity = identities.get(alias);
        if (identity == null) {
            throw new NoSuchElementException("no test identity '" + alias + "'; known: " + identities.keySet());
        }
        return identity;
    }

    /** Every signer, good ones first, in a stable order. */
    public Collection<TestIdentity> identities() {
        return identities.values();
    }

    // --- what is generated ---

    private record Spec(String alias, TestParty party, BadSigner bad, String keyDescription, String folder) {
    }

    private static List<Spec> specs() {
        List<Spec> specs = new ArrayList<>();
        specs.add(new Spec(ROOT_CA_ALIAS, null, null, "RSA-2048", null));
        specs.add(new Spec(UNKNOWN_CA_ALIAS, null, null, "RSA-2048", null));
        for (TestParty party : TestParty.values()) {
            specs.add(new Spec(party.alias(), party, null, "RSA-2048", "parties"));
        }
        specs.add(new Spec(XA_AGENCY_EC_ALIAS, TestParty.XA_AGENCY, null, "EC-P256", "parties"));
        specs.add(new Spec(XA_AGENCY_ED25519_ALIAS, TestParty.XA_AGENCY, null, "Ed25519", "parties"));
        for (BadSigner bad : BadSigner.values()) {
            specs.add(new Spec(bad.alias(), bad.impersonates(), bad, bad == BadSigner.RSA_1024 ? "RSA-1024" : "RSA-2048", "bad"));
        }
        return specs;
    }

    /** Key generation dominates the run time (RSA-2048 on a slow core): spread it over two threads. */
    private static Map<String, KeyPair> generateKeys(List<Spec> specs) throws GeneralSecurityException {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "test-pki-keygen");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, CompletableFuture<KeyPair>> futures = new LinkedHashMap<>();
            for (Spec spec : specs) {
                futures.put(spec.alias, CompletableFuture.supplyAsync(() -> newKeyPair(spec.keyDescription), pool));
            }
            Map<String, KeyPair> keys = new LinkedHashMap<>();
            for (Map.Entry<String, CompletableFuture<KeyPair>> e : futures.entrySet()) {
                keys.put(e.getKey(), e.getValue().join());
            }
            return keys;
        } catch (CompletionException e) {
            if (e.getCause() instanceof GeneralSecurityException gse) {
                throw gse;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static KeyPair newKeyPair(String description) {
        try {
            return switch (description) {
                case "RSA-2048" -> PkiBuilder.rsa(2048);
                case "RSA-1024" -> PkiBuilder.rsa(1024);
                case "EC-P256" -> PkiBuilder.ecP256();
                case "Ed25519" -> PkiBuilder.ed25519();
                default -> throw new IllegalArgumentException(description);
            };
        } catch (GeneralSecurityException e) {
            throw new CompletionException(e);
        }
    }

    private static void writeCa(Path folder, String alias, X509Certificate certificate, PrivateKey key, char[] password)
            throws IOException, GeneralSecurityException {
        PkiFiles.writeCertificatePem(folder.resolve(alias + ".cert.pem"), certificate);
        PkiFiles.writePkcs12(folder.resolve(alias + ".p12"), alias, key, List.of(certificate), password);
    }
}
