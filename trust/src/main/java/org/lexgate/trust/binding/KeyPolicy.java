package org.lexgate.trust.binding;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.List;
import java.util.Locale;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;

/**
 * The keys lexgate accepts from a signer: RSA of 2048 bits or more, EC on P-256 or P-384, Ed25519;
 * and certificates not signed with MD5 or SHA-1. Anything else is refused with
 * {@link ErrorCode#CERTIFICATE_KEY_TOO_WEAK}.
 */
public final class KeyPolicy {

    public static final int MIN_RSA_BITS = 2048;

    /** P-256 and P-384, built once (building them costs more than the rest of the check). */
    private static final List<ECParameterSpec> CURVES = List.of(curve("secp256r1"), curve("secp384r1"));

    private KeyPolicy() {
    }

    public static void check(X509Certificate certificate) throws MessageRejectedException {
        String signatureAlgorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        if (signatureAlgorithm.contains("MD5") || signatureAlgorithm.contains("MD2")
                || signatureAlgorithm.contains("SHA1") || signatureAlgorithm.equals("SHA-1")) {
            throw weak(certificate, "certificate signed with " + certificate.getSigAlgName());
        }
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw weak(certificate, "RSA key of " + bits + " bits, at least " + MIN_RSA_BITS + " required");
            }
        } else if (key instanceof ECPublicKey ec) {
            if (CURVES.stream().noneMatch(curve -> sameCurve(ec.getParams(), curve))) {
                throw weak(certificate, "EC key on a curve other than P-256 or P-384");
            }
        } else if (key instanceof EdECPublicKey ed) {
            if (!"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
                throw weak(certificate, "EdDSA key on " + ed.getParams().getName() + ", only Ed25519 allowed");
            }
        } else if (!"Ed25519".equalsIgnoreCase(key.getAlgorithm())) {
            throw weak(certificate, "key algorithm " + key.getAlgorithm() + " not allowed");
        }
    }

    private static boolean sameCurve(ECParameterSpec actual, ECParameterSpec expected) {
        return expected.getCurve().equals(actual.getCurve())
                && expected.getGenerator().equals(actual.getGenerator())
                && expected.getOrder().equals(actual.getOrder())
                && expected.getCofactor() == actual.getCofactor();
    }

    private static ECParameterSpec curve(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK does not know curve " + name, e);
        }
    }

    private static MessageRejectedException weak(X509Certificate certificate, String why) {
        return new MessageRejectedException(ErrorCode.CERTIFICATE_KEY_TOO_WEAK,
                "signer " + certificate.getSubjectX500Principal() + ": " + why);
    }
}
