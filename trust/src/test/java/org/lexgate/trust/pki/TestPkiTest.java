package org.lexgate.trust.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.lexgate.trust.signature.SigningCredential;
import org.junit.jupiter.api.Test;

/** The test PKI holds what its README promises, labelled NOT FOR PRODUCTION, and reads back from disk. */
class TestPkiTest {

    private final TestPki pki = SharedTestPki.get();

    @Test
    void everyCertificateIsLabelledNotForProduction() {
        assertThat(pki.rootCertificate().getSubjectX500Principal().getName())
                .contains("CN=lexgate development root CA (NOT FOR PRODUCTION)").contains("O=lexgate test PKI (NOT FOR PRODUCTION)");
        assertThat(pki.unknownCaCertificate().getSubjectX500Principal().getName()).contains("(NOT FOR PRODUCTION)");
        for (TestIdentity identity : pki.identities()) {
            String subject = identity.certificate().getSubjectX500Principal().getName();
            assertThat(subject).as(identity.alias()).matches(".*CN=[^,]* \\(NOT FOR PRODUCTION\\).*")
                    .matches(".*O=[^,]* \\(NOT FOR PRODUCTION\\).*");
        }
    }

    @Test
    void readmeSaysNotForProductionAndGivesThePassword() throws Exception {
        String readme = Files.readString(pki.readme());
        assertThat(readme).startsWith("NOT FOR PRODUCTION").contains(TestPki.KEYSTORE_PASSWORD)
                .contains("bad-revoked").contains("xa-agency-ec");
    }

    @Test
    void goodSignersChainToTheRootAndAreValidNow() throws Exception {
        for (TestParty party : TestParty.values()) {
            TestIdentity signer = pki.signer(party);
            assertThat(signer.keyDescription()).isEqualTo("RSA-2048");
            assertThat(((RSAPublicKey) signer.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
            assertThat(signer.certificate().getSubjectX500Principal().getName()).contains("CN=" + party.id() + " ").contains("C=" + party.countryCode());
            assertThat(signer.certificate().getSubjectAlternativeNames())
                    .contains(List.<Object>of(6, "urn:lexgate:party:" + party.countryCode() + ":" + party.id()));
            assertPathValid(signer.certificate(), pki.generatedAt());
        }
        assertThat(((ECPublicKey) pki.ecSigner().certificate().getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertPathValid(pki.ecSigner().certificate(), pki.generatedAt());
        assertPathValid(pki.ed25519Signer().certificate(), pki.generatedAt());
    }

    @Test
    void expiredSignerExpiredBeforeGeneration() {
        X509Certificate expired = pki.bad(BadSigner.EXPIRED).certificate();
        assertThatThrownBy(() -> expired.checkValidity(Date.from(pki.generatedAt()))).isInstanceOf(CertificateExpiredException.class);
        assertThat(expired.getIssuerX500Principal()).isEqualTo(pki.rootCertificate().getSubjectX500Principal());
    }

    @Test
    void notYetValidSignerStartsAfterGeneration() {
        X509Certificate future = pki.bad(BadSigner.NOT_YET_VALID).certificate();
        assertThatThrownBy(() -> future.checkValidity(Date.from(pki.generatedAt()))).isInstanceOf(CertificateNotYetValidException.class);
    }

    @Test
    void revokedSignerIsListedInTheCrlAndOthersAreNot() throws Exception {
        pki.crl().verify(pki.rootCertificate().getPublicKey());
        assertThat(pki.crl().isRevoked(pki.bad(BadSigner.REVOKED).certificate())).isTrue();
        assertThat(pki.crl().isRevoked(pki.signer(TestParty.XA_AGENCY).certificate())).isFalse();
        assertThat(pki.crl().getRevokedCertificates()).hasSize(1);
        assertThat(pki.crl().getNextUpdate().toInstant()).isAfter(pki.generatedAt());
    }

    @Test
    void unknownCaSignerDoesNotChainToTheRoot() throws Exception {
        X509Certificate foreign = pki.bad(BadSigner.UNKNOWN_CA).certificate();
        assertThat(foreign.getIssuerX500Principal()).isEqualTo(pki.unknownCaCertificate().getSubjectX500Principal());
        foreign.verify(pki.unknownCaCertificate().getPublicKey());
        assertThatThrownBy(() -> assertPathValid(foreign, pki.generatedAt())).isInstanceOf(Exception.class);
    }

    @Test
    void weakSignerHasAnRsa1024KeyFromTheRightCa() throws Exception {
        X509Certificate weak = pki.bad(BadSigner.RSA_1024).certificate();
        assertThat(((RSAPublicKey) weak.getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
        assertPathValid(weak, pki.generatedAt());
    }

    @Test
    void wrongSubjectSignerIsValidFromTheRightCaButNotXaAgency() throws Exception {
        X509Certificate rogue = pki.bad(BadSigner.WRONG_SUBJECT).certificate();
        assertPathValid(rogue, pki.generatedAt());
        assertThat(rogue.getSubjectX500Principal()).isNotEqualTo(pki.signer(TestParty.XA_AGENCY).certificate().getSubjectX500Principal());
        assertThat(rogue.getSubjectX500Principal().getName()).contains("CN=XA-ROGUE");
    }

    @Test
    void otherBadSignersClaimXaAgencysSubject() {
        for (BadSigner bad : Set.of(BadSigner.EXPIRED, BadSigner.NOT_YET_VALID, BadSigner.REVOKED, BadSigner.UNKNOWN_CA, BadSigner.RSA_1024)) {
            assertThat(pki.bad(bad).certificate().getSubjectX500Principal()).as(bad.name())
                    .isEqualTo(pki.signer(TestParty.XA_AGENCY).certificate().getSubjectX500Principal());
        }
    }

    @Test
    void filesOnDiskMatchTheObject() throws Exception {
        for (TestIdentity identity : pki.identities()) {
            SigningCredential fromDisk = SigningCredential.fromPkcs12(identity.keystore(), pki.keystorePassword(), identity.alias());
            assertThat(fromDisk.certificate()).isEqualTo(identity.certificate());
            assertThat(fromDisk.chain()).isEqualTo(identity.chain());
            assertThat(Files.readString(identity.certificatePem())).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(Files.readString(identity.privateKeyPem())).startsWith("-----BEGIN " + "PRIVATE KEY-----"); // split: no key header in the sources
        }
        assertThat(Files.readString(pki.crlPem())).startsWith("-----BEGIN X509 CRL-----");
        assertThat(Files.exists(pki.crlDer())).isTrue();
        assertThat(Files.exists(pki.rootKeystore())).isTrue();
    }

    @Test
    void loadReadsBackWhatGenerateWrote() throws Exception {
        TestPki loaded = TestPki.load(pki.directory());
        assertThat(loaded.rootCertificate()).isEqualTo(pki.rootCertificate());
        assertThat(loaded.crl()).isEqualTo(pki.crl());
        assertThat(loaded.unknownCaCertificate()).isEqualTo(pki.unknownCaCertificate());
        assertThat(loaded.generatedAt()).isEqualTo(pki.generatedAt());
        assertThat(loaded.identities()).extracting(TestIdentity::alias)
                .containsExactlyElementsOf(pki.identities().stream().map(TestIdentity::alias).toList());
        assertThat(loaded.bad(BadSigner.REVOKED).certificate()).isEqualTo(pki.bad(BadSigner.REVOKED).certificate());
        assertThat(loaded.ecSigner().privateKey()).isEqualTo(pki.ecSigner().privateKey());
    }

    @Test
    void unknownAliasIsNamedInTheError() {
        assertThatThrownBy(() -> pki.identity("xc-nobody")).hasMessageContaining("xc-nobody").hasMessageContaining("xa-agency");
    }

    private void assertPathValid(X509Certificate certificate, Instant at) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(pki.rootCertificate(), null)));
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at.plusSeconds(60)));
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(certificate)), params);
    }
}
