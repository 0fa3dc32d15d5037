package org.lexgate.trust.signature;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;

/**
 * The one place that says which XML-signature algorithms lexgate signs with and accepts, and how
 * strong a signing key must be.
 *
 * <p>The lexgate profile ({@link #lexgateDefault()}): RSA (PKCS#1 v1.5) with SHA-256/384/512, ECDSA
 * with SHA-256/384/512, Ed25519; digests SHA-256/384/512; canonicalisation C14N 1.0, C14N 1.1 and
 * exclusive C14N, all without comments; the only transforms are enveloped-signature followed by one
 * of those canonicalisations. Never SHA-1, MD5, HMAC, XSLT, XPath, XPath-Filter2 or base64.
 * lexgate itself signs with C14N 1.1, as ETSI's signed example does.
 *
 * <p>{@link DocumentVerifier} checks algorithms only. Key strength ({@link #checkKeyStrength}) is part
 * of the sender binding (the verifier returns the certificate, the binding judges it); the
 * {@link DocumentSigner} refuses to sign with a key this policy calls too weak.
 *
 * <p>Instances are immutable.
 */
public final class AlgorithmPolicy {

    // --- canonicalisation (CanonicalizationMethod and Reference transforms) ---
    public static final String C14N_10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public static final String C14N_10_WITH_COMMENTS = C14N_10 + "#WithComments";
    public static final String C14N_11 = "http://www.w3.org/2006/12/xml-c14n11";
    public static final String C14N_11_WITH_COMMENTS = C14N_11 + "#WithComments";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String EXC_C14N_WITH_COMMENTS = EXC_C14N + "WithComments";

    // --- transforms ---
    public static final String ENVELOPED_SIGNATURE = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    // --- digests ---
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    public static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";

    // --- signature methods ---
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    public static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String ECDSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384";
    public static final String ECDSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512";
    public static final String ED25519 = "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519";

    private static final AlgorithmPolicy LEXGATE_DEFAULT = new AlgorithmPolicy(
            Set.of(RSA_SHA256, RSA_SHA384, RSA_SHA512, ECDSA_SHA256, ECDSA_SHA384, ECDSA_SHA512, ED25519),
            Set.of(SHA256, SHA384, SHA512),
            Set.of(C14N_10, C14N_11, EXC_C14N),
            2048,
            256);

    private final Set<String> signatureMethods;
    private final Set<String> digestMethods;
    private final Set<String> canonicalizationMethods;
    private final int minimumRsaKeyBits;
    private final int minimumEcKeyBits;

    private AlgorithmPolicy(Set<String> signatureMethods, Set<String> digestMethods,
            Set<String> canonicalizationMethods, int minimumRsaKeyBits, int minimumEcKeyBits) {
        this.signatureMethods = Set.copyOf(signatureMethods);
        this.digestMethods = Set.copyOf(digestMethods);
        this.canonicalizationMethods = Set.copyOf(canonicalizationMethods);
        this.minimumRsaKeyBits = minimumRsaKeyBits;
        this.minimumEcKeyBits = minimumEcKeyBits;
    }

    /** The lexgate profile described in the class comment: RSA at least 2048 bits, EC at least 256. */
    public static AlgorithmPolicy lexgateDefault() {
        return LEXGATE_DEFAULT;
    }

    /**
     * A copy that accepts only the given signature methods, a subset of the lexgate profile (e.g. to
     * switch Ed25519 off). Anything outside the profile is refused: the policy can be narrowed,
     * never widened to SHA-1, MD5 or HMAC.
     */
    public AlgorithmPolicy onlySignatureMethods(Set<String> methods) {
        Set<String> narrowed = new LinkedHashSet<>(methods);
        if (!LEXGATE_DEFAULT.signatureMethods.containsAll(narrowed) || narrowed.isEmpty()) {
            throw new IllegalArgumentException("signature methods must be a non-empty subset of the lexgate profile: " + methods);
        }
        return new AlgorithmPolicy(narrowed, digestMethods, canonicalizationMethods, minimumRsaKeyBits, minimumEcKeyBits);
    }

    /**
     * A copy with another minimum RSA modulus size. Below 2048 this is only meant for producing the
     * deliberately weak test messages of the test PKI; never configure a node with it.
     */
    public AlgorithmPolicy withMinimumRsaKeyBits(int bits) {
        if (bits < 1024) {
            throw new IllegalArgumentException("minimum RSA key size below 1024 bits: " + bits);
        }
        return new AlgorithmPolicy(signatureMethods, digestMethods, canonicalizationMethods, bits, minimumEcKeyBits);
    }

    public Set<String> signatureMethods() {
        return signatureMethods;
    }

    public Set<String> digestMethods() {
        return digestMethods;
    }

    /** Allowed for SignedInfo's CanonicalizationMethod and as the Reference's canonicalisation transform. */
    public Set<String> canonicalizationMethods() {
        return canonicalizationMethods;
    }

    public int minimumRsaKeyBits() {
        return minimumRsaKeyBits;
    }

    public boolean allowsSignatureMethod(String uri) {
        return uri != null && signatureMethods.contains(uri);
    }

    public boolean allowsDigestMethod(String uri) {
        return uri != null && digestMethods.contains(uri);
    }

    public boolean allowsCanonicalization(String uri) {
        return uri != null && canonicalizationMethods.contains(uri);
    }

    /** The algorithm lexgate signs with for this key: RSA-SHA256, ECDSA-SHA256 (P-256), ECDSA-SHA384 (P-384), Ed25519. */
    public Optional<String> signatureMethodFor(PublicKey key) {
        Objects.requireNonNull(key, "key");
        String method = null;
        if (key instanceof RSAPublicKey) {
            method = RSA_SHA256;
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            method = bits <= 256 ? ECDSA_SHA256 : bits <= 384 ? ECDSA_SHA384 : ECDSA_SHA512;
        } else if (key instanceof EdECPublicKey ed && "Ed25519".equals(ed.getParams().getName())) {
            method = ED25519;
        }
        return Optional.ofNullable(method).filter(signatureMethods::contains);
    }

    /** The key family ("RSA", "EC", "Ed25519") a signature method needs, or empty if unknown. */
    static Optional<String> keyFamilyOf(String signatureMethod) {
        if (signatureMethod == null) {
            return Optional.empty();
        }
        if (signatureMethod.contains("#rsa-")) {
            return Optional.of("RSA");
        }
        if (signatureMethod.contains("#ecdsa-")) {
            return Optional.of("EC");
        }
        if (ED25519.equals(signatureMethod)) {
            return Optional.of("Ed25519");
        }
        return Optional.empty();
    }

    /** The key family of a public key, matching {@link #keyFamilyOf(String)}. */
    static String keyFamilyOf(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return "RSA";
        }
        if (key instanceof ECPublicKey) {
            return "EC";
        }
        if (key instanceof EdECPublicKey ed) {
            return ed.getParams().getName();
        }
        return key.getAlgorithm();
    }

    /**
     * Refuses a signer key below this policy's strength: RSA below {@link #minimumRsaKeyBits()}, EC
     * below 256 bits, any other key type than RSA, EC and Ed25519.
     *
     * @throws MessageRejectedException with {@link ErrorCode#CERTIFICATE_KEY_TOO_WEAK}
     */
    public void checkKeyStrength(PublicKey key) throws MessageRejectedException {
        Objects.requireNonNull(key, "key");
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < minimumRsaKeyBits) {
                throw new MessageRejectedException(ErrorCode.CERTIFICATE_KEY_TOO_WEAK,
                        "RSA key of " + bits + " bits, at least " + minimumRsaKeyBits + " required");
            }
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits < minimumEcKeyBits) {
                throw new MessageRejectedException(ErrorCode.CERTIFICATE_KEY_TOO_WEAK,
                        "EC key of " + bits + " bits, at least " + minimumEcKeyBits + " required");
            }
        } else if (!(key instanceof EdECPublicKey ed && "Ed25519".equals(ed.getParams().getName()))) {
            throw new MessageRejectedException(ErrorCode.CERTIFICATE_KEY_TOO_WEAK,
                    "key type " + key.getAlgorithm() + " is not accepted (RSA, EC or Ed25519 only)");
        }
    }

    @Override
    public String toString() {
        return "AlgorithmPolicy[signature=" + signatureMethods + ", digest=" + digestMethods
                + ", c14n=" + canonicalizationMethods + ", minRsa=" + minimumRsaKeyBits + "]";
    }
}
