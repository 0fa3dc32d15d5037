package org.lexgate.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.message.ErrorCode.SIGNATURE_DIGEST_MISMATCH;
import static org.lexgate.trust.signature.Refusals.assertRefused;

import org.junit.jupiter.api.Test;

/**
 * ETSI's own signed example (TS 103 120 v1.23.1 request6_signed.xml), written by another
 * implementation, verifies cryptographically at the signature layer. (Its self-signed certificate
 * expired in 2024 and it carries an interception task: the sender binding and the message profile
 * refuse it later, for those reasons.)
 */
class EtsiSignedExampleTest {

    private final DocumentVerifier verifier = new DocumentVerifier();

    @Test
    void etsiRequest6SignedVerifiesCryptographically() throws Exception {
        VerifiedDocument verified = verifier.verify(Fixtures.etsiSignedExample());

        assertThat(verified.signerCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=test");
        assertThat(verified.signatureMethod()).isEqualTo(AlgorithmPolicy.RSA_SHA256);
        assertThat(verified.canonicalizationMethod()).isEqualTo(AlgorithmPolicy.C14N_11);
        assertThat(verified.bytes()).isEqualTo(Fixtures.etsiSignedExample());
    }

    @Test
    void etsiRequest6SignedWithItsTargetChanged() {
        assertRefused(verifier, Fixtures.replaceOnce(Fixtures.etsiSignedExample(), "<task:IPv4Address>192.0.2.0<",
                "<task:IPv4Address>192.0.2.66<"), SIGNATURE_DIGEST_MISMATCH);
    }
}
