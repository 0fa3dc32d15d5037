package org.lexgate.trust.binding;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.directory.Anchor;
import org.lexgate.trust.directory.PartyDirectory;

/**
 * Checks a signer certificate on its own, at a given time: allowed key ({@link KeyPolicy}),
 * validity period, a PKIX path to a configured anchor (JDK CertPathValidator; a self-signed
 * certificate the directory pins is its own anchor), usable for signatures, and not revoked
 * according to the anchor's CRLs. Which party the certificate belongs to is not its business
 * (see {@link SenderBinding}).
 *
 * <p>Revocation is strict: a certificate listed on any CRL of its anchor is refused whatever the
 * revocation date (a compromised key can sign with any date); a certificate that is not listed is
 * accepted only if a CRL of the anchor is current at the time of the check (nextUpdate not
 * passed), otherwise the status is unknown, a transient refusal.
 *
 * <p>A successful PKIX path validation is remembered per certificate, together with the anchor that
 * issued it (the path is the certificate alone, the anchors are the directory's, which does not
 * change). Once a certificate's path is known to be good, each call still checks the key, the
 * validity period at the given time, the key usage and the anchor's CRLs — everything in a path
 * validation that depends on the time — but not the signatures again. At most
 * {@value #REMEMBERED_PATHS} paths are kept; then the memory is cleared and refills.
 */
public final class CertificateValidator {

    static final int REMEMBERED_PATHS = 1024;

    private final PartyDirectory directory;
    private final Map<X509Certificate, Anchor> validatedPaths = new ConcurrentHashMap<>();

    public CertificateValidator(PartyDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param pinned true when the directory pins this very certificate for the party (a self-signed
     *               pinned certificate is then accepted as its own anchor)
     */
    public void validate(X509Certificate certificate, boolean pinned, Instant at) throws MessageRejectedException {
        KeyPolicy.check(certificate);
        checkValidity(certificate, at);
        checkSigningUse(certificate);
        Anchor known = validatedPaths.get(certificate);
        if (known != null) {
            checkRevocation(certificate, known, at);
            return;
        }
        Optional<Anchor> issuer = directory.anchors().stream().filter(a -> a.issued(certificate)).findFirst();
        if (issuer.isEmpty() && pinned && selfSigned(certificate)) {
            return; // pinned self-signed: its own anchor; revocation is removal from the directory
        }
        checkPath(certificate, at);
        if (issuer.isEmpty()) {
            throw untrusted(certificate, "no configured anchor issued it");
        }
        remember(certificate, issuer.get());
        checkRevocation(certificate, issuer.get(), at);
    }

    private void remember(X509Certificate certificate, Anchor issuer) {
        if (validatedPaths.size() >= REMEMBERED_PATHS) {
            validatedPaths.clear();
        }
        validatedPaths.put(certificate, issuer);
    }

    private static void checkValidity(X509Certificate certificate, Instant at) throws MessageRejectedException {
        try {
            certificate.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            throw new MessageRejectedException(ErrorCode.CERTIFICATE_EXPIRED, "signer "
                    + certificate.getSubjectX500Principal() + " expired " + certificate.getNotAfter().toInstant()
                    + ", checked at " + at);
        } catch (CertificateNotYetValidException e) {
            throw new MessageRejectedException(ErrorCode.CERTIFICATE_NOT_YET_VALID, "signer "
                    + certificate.getSubjectX500Principal() + " valid from " + certificate.getNotBefore().toInstant()
                    + ", checked at " + at);
        }
    }

    /** If the certificate restricts its key usage, signing documents must be among the uses. */
    private static void checkSigningUse(X509Certificate certificate) throws MessageRejectedException {
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !(usage[0] || usage[1])) {
            throw untrusted(certificate, "key usage allows neither digitalSignature nor nonRepudiation");
        }
    }

    private void checkPath(X509Certificate certificate, Instant at) throws MessageRejectedException {
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (Anchor anchor : directory.anchors()) {
            anchors.add(new TrustAnchor(anchor.certificate(), null));
        }
        if (anchors.isEmpty()) {
            throw untrusted(certificate, "the directory configures no trust anchor");
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(at));
            parameters.setRevocationEnabled(false); // checkRevocation does it, with codes of its own
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (CertPathValidatorException e) {
            throw untrusted(certificate, "no valid path to a configured anchor: " + e.getReason() + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw untrusted(certificate, "path validation failed: " + e);
        }
    }

    private static void checkRevocation(X509Certificate certificate, Anchor anchor, Instant at)
            throws MessageRejectedException {
        if (!anchor.revocationChecked()) {
            return;
        }
        for (X509CRL crl : anchor.crls()) {
            if (crl.getRevokedCertificate(certificate) != null) {
                throw new MessageRejectedException(ErrorCode.CERTIFICATE_REVOKED, "signer "
                        + certificate.getSubjectX500Principal() + " serial " + certificate.getSerialNumber()
                        + " is on the CRL of anchor " + anchor.id() + " since "
                        + crl.getRevokedCertificate(certificate).getRevocationDate().toInstant());
            }
        }
        Date when = Date.from(at);
        boolean current = anchor.crls().stream().anyMatch(crl -> crl.getNextUpdate() != null && !when.after(crl.getNextUpdate()));
        if (!current) {
            throw new MessageRejectedException(ErrorCode.REVOCATION_STATUS_UNKNOWN, "no CRL of anchor "
                    + anchor.id() + " is current at " + at + " (load a fresh CRL)");
        }
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static MessageRejectedException untrusted(X509Certificate certificate, String why) {
        return new MessageRejectedException(ErrorCode.CERTIFICATE_UNTRUSTED,
                "signer " + certificate.getSubjectX500Principal() + ": " + why);
    }
}
