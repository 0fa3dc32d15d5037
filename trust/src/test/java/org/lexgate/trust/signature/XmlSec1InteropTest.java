package org.lexgate.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.trust.signature.Refusals.assertRefused;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lexgate.message.ErrorCode;
import org.lexgate.trust.pki.SharedTestPki;
import org.lexgate.trust.pki.TestIdentity;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with an independent implementation, Debian's {@code xmlsec1} (libxmlsec1 with
 * OpenSSL): lexgate's signatures verify there against the test PKI's root CA, and xmlsec1's
 * signatures (made from a template with a key of the test PKI in PEM) pass {@link DocumentVerifier}.
 * Skipped when xmlsec1 is not installed; CI installs it.
 */
class XmlSec1InteropTest {

    private static final String C14N_TEMPLATE = """
            <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                <ds:SignedInfo>
                    <ds:CanonicalizationMethod Algorithm="%2$s"/>
                    <ds:SignatureMethod Algorithm="%1$s"/>
                    <ds:Reference URI="">
                        <ds:Transforms>
                            <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
                            <ds:Transform Algorithm="%2$s"/>
                        </ds:Transforms>
                        <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                        <ds:DigestValue/>
                    </ds:Reference>
                </ds:SignedInfo>
                <ds:SignatureValue/>
                <ds:KeyInfo>
                    <ds:X509Data>
                        <ds:X509Certificate/>
                    </ds:X509Data>
                </ds:KeyInfo>
            </ds:Signature>
            """;

    /** The xmlsec1 executable; {@code -Dlexgate.xmlsec1=...} points elsewhere (or nowhere, to see the skip). */
    private static final String XMLSEC1 = System.getProperty("lexgate.xmlsec1", "xmlsec1");

    private static TestPki pki;

    @TempDir
    Path work;

    private final DocumentVerifier verifier = new DocumentVerifier();

    private static final boolean INSTALLED = xmlsec1Installed();

    @BeforeEach
    void requireXmlsec1() {
        Assumptions.assumeTrue(INSTALLED,
                "xmlsec1 is not installed (apt-get install xmlsec1): interoperability with xmlsec1 not checked");
        pki = SharedTestPki.get();
    }

    // --- lexgate signs, xmlsec1 verifies ---

    @Test
    void lexgateRsaSignatureVerifiesWithXmlsec1() throws Exception {
        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).sign(Fixtures.preservationRequest());
        Result result = xmlsec1Verify(write("lexgate-rsa.xml", signed));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK").contains("SignedInfo References (ok/all): 1/1");
    }

    @Test
    void lexgateEcdsaSignatureVerifiesWithXmlsec1() throws Exception {
        byte[] signed = new DocumentSigner(pki.ecSigner().credential()).sign(Fixtures.preservationRequest());
        Result result = xmlsec1Verify(write("lexgate-ec.xml", signed));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void lexgateDomSignedInPlaceVerifiesWithXmlsec1() throws Exception {
        org.lexgate.message.Hi1Codec codec = org.lexgate.message.Hi1Codec.createDefault();
        org.w3c.dom.Document written = codec.writeDocument(codec.parse(Fixtures.preservationRequest()).message());
        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).signDocument(written);
        Result result = xmlsec1Verify(write("lexgate-dom.xml", signed));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SignedInfo References (ok/all): 1/1");

        byte[] signedEc = new DocumentSigner(pki.ecSigner().credential())
                .signDocument(codec.writeDocument(codec.parse(Fixtures.preservationRequest()).message()));
        Result ec = xmlsec1Verify(write("lexgate-dom-ec.xml", signedEc));
        assertThat(ec.exitCode()).as(ec.output()).isZero();
    }

    @Test
    void xmlsec1RefusesALexgateMessageWhoseContentChanged() throws Exception {
        byte[] signed = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).sign(Fixtures.preservationRequest());
        byte[] forged = Fixtures.replaceOnce(signed, "suspect@example.org", "victim@example.org");
        Result result = xmlsec1Verify(write("lexgate-forged.xml", forged));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    @Test
    void xmlsec1RefusesALexgateMessageFromAnUntrustedCa() throws Exception {
        TestIdentity foreign = pki.bad(org.lexgate.trust.pki.BadSigner.UNKNOWN_CA);
        byte[] signed = new DocumentSigner(foreign.credential()).sign(Fixtures.preservationRequest());
        Result result = xmlsec1Verify(write("lexgate-unknown-ca.xml", signed));
        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    // --- xmlsec1 signs, lexgate verifies ---

    @Test
    void xmlsec1RsaC14n11SignaturePassesDocumentVerifier() throws Exception {
        TestIdentity agency = pki.signer(TestParty.XA_AGENCY);
        byte[] signed = xmlsec1Sign(agency, AlgorithmPolicy.RSA_SHA256, AlgorithmPolicy.C14N_11);

        VerifiedDocument verified = verifier.verify(signed);

        assertThat(verified.signerCertificate()).isEqualTo(agency.certificate());
        assertThat(verified.canonicalizationMethod()).isEqualTo(AlgorithmPolicy.C14N_11);
    }

    @Test
    void xmlsec1EcdsaExclusiveC14nSignaturePassesDocumentVerifier() throws Exception {
        TestIdentity ec = pki.ecSigner();
        byte[] signed = xmlsec1Sign(ec, AlgorithmPolicy.ECDSA_SHA256, AlgorithmPolicy.EXC_C14N);

        VerifiedDocument verified = verifier.verify(signed);

        assertThat(verified.signerCertificate()).isEqualTo(ec.certificate());
        assertThat(verified.canonicalizationMethod()).isEqualTo(AlgorithmPolicy.EXC_C14N);
    }

    @Test
    void xmlsec1RsaC14n10SignaturePassesDocumentVerifier() throws Exception {
        TestIdentity provider = pki.signer(TestParty.XB_PROVIDER);
        byte[] signed = xmlsec1Sign(provider, AlgorithmPolicy.RSA_SHA256, AlgorithmPolicy.C14N_10);

        assertThat(verifier.verify(signed).signerCertificate()).isEqualTo(provider.certificate());
    }

    @Test
    void xmlsec1SignedMessageWithChangedContentIsRefused() throws Exception {
        byte[] signed = xmlsec1Sign(pki.signer(TestParty.XA_AGENCY), AlgorithmPolicy.RSA_SHA256, AlgorithmPolicy.C14N_11);
        assertRefused(verifier, Fixtures.replaceOnce(signed, "suspect@example.org", "victim@example.org"),
                ErrorCode.SIGNATURE_DIGEST_MISMATCH);
    }

    @Test
    void xmlsec1SignedWithRsaSha1IsRefused() throws Exception {
        byte[] signed = xmlsec1Sign(pki.signer(TestParty.XA_AGENCY), "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
                AlgorithmPolicy.C14N_11);
        assertRefused(verifier, signed, ErrorCode.SIGNATURE_ALGORITHM_NOT_ALLOWED);
    }

    // --- helpers ---

    /** {@code xmlsec1 --sign --privkey-pem KEY,CERT --output OUT TEMPLATE}, the template being the message with an empty signature. */
    private byte[] xmlsec1Sign(TestIdentity signer, String signatureMethod, String c14n) throws Exception {
        String message = Fixtures.text(Fixtures.preservationRequest());
        String template = message.replace("</HI1Message>", C14N_TEMPLATE.formatted(signatureMethod, c14n) + "</HI1Message>");
        Path in = write("template.xml", template.getBytes(StandardCharsets.UTF_8));
        Path out = work.resolve("xmlsec1-signed.xml");
        Result result = run(XMLSEC1, "--sign", "--privkey-pem",
                signer.privateKeyPem() + "," + signer.certificatePem(), "--output", out.toString(), in.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        return Files.readAllBytes(out);
    }

    /** {@code xmlsec1 --verify --trusted-pem CA --enabled-reference-uris empty FILE}. */
    private Result xmlsec1Verify(Path file) throws Exception {
        return run(XMLSEC1, "--verify", "--trusted-pem", pki.rootCertificatePem().toString(),
                "--enabled-reference-uris", "empty", file.toString());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(work.resolve(name), content);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("xmlsec1 did not finish: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean xmlsec1Installed() {
        try {
            return run(XMLSEC1, "--version").exitCode() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
