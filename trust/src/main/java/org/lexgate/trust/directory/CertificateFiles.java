package org.lexgate.trust.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.stream.Collectors;

/** Reads certificates and CRLs, PEM or DER, from files or inline PEM text. Failures say why in one line. */
final class CertificateFiles {

    /** Certificates and CRLs are small; anything bigger is a mistake or an attack. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private CertificateFiles() {
    }

    static X509Certificate certificateFromFile(Path file) throws IOException, CertificateException {
        return singleCertificate(readLimited(file));
    }

    /** Inline PEM as written in the directory, possibly indented. */
    static X509Certificate certificateFromPem(String pem) throws CertificateException {
        String normalised = pem.lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n", "", "\n"));
        return singleCertificate(normalised.getBytes(StandardCharsets.US_ASCII));
    }

    static X509CRL crlFromFile(Path file) throws IOException, CRLException, CertificateException {
        Collection<? extends java.security.cert.CRL> crls =
                factory().generateCRLs(new ByteArrayInputStream(readLimited(file)));
        if (crls.size() != 1 || !(crls.iterator().next() instanceof X509CRL crl)) {
            throw new CRLException("expected exactly one X.509 CRL, found " + crls.size());
        }
        return crl;
    }

    private static X509Certificate singleCertificate(byte[] bytes) throws CertificateException {
        Collection<? extends Certificate> certificates = factory().generateCertificates(new ByteArrayInputStream(bytes));
        if (certificates.size() != 1 || !(certificates.iterator().next() instanceof X509Certificate certificate)) {
            throw new CertificateException("expected exactly one X.509 certificate, found " + certificates.size());
        }
        return certificate;
    }

    private static byte[] readLimited(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("file larger than " + MAX_BYTES + " bytes");
        }
        return Files.readAllBytes(file);
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
