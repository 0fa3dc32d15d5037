package org.lexgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.trust.pki.BadSigner;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.SigningCredential;
import picocli.CommandLine;

/**
 * The command line as a user runs it: real files, a development PKI made by {@code lexgate pki
 * init}, real signatures. Each test asserts the printed line and the exit status.
 */
class CliCommandsTest {

    private static final Path EXAMPLES = Path.of("..", "config", "examples");

    @TempDir
    static Path pkiDir;

    @TempDir
    Path work;

    private static TestPki pki;

    @BeforeAll
    static void initPki() throws Exception {
        Result result = run("pki", "init", pkiDir.toString());
        assertThat(result.exit).as(result.err).isZero();
        assertThat(result.out).contains("NOT FOR PRODUCTION").contains("directory.xml");
        pki = TestPki.load(pkiDir);
    }

    @Test
    void validateAcceptsEveryExampleMessage() throws IOException {
        List<String> args = new ArrayList<>(List.of("validate"));
        try (var files = Files.list(EXAMPLES)) {
            files.filter(f -> f.toString().endsWith(".xml")).sorted().forEach(f -> args.add(f.toString()));
        }
        assertThat(args).hasSizeGreaterThan(10);

        Result result = run(args.toArray(String[]::new));

        assertThat(result.exit).isZero();
        assertThat(result.out.lines()).hasSize(args.size() - 1).allMatch(line -> line.endsWith(": OK"));
    }

    @Test
    void validateRefusesADoctypeWithItsOwnCodeAndExitsOne() throws IOException {
        Path hostile = work.resolve("xxe.xml");
        Files.writeString(hostile, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        Path good = EXAMPLES.resolve("disclosure-request.xml");

        Result result = run("validate", good.toString(), hostile.toString());

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.out).contains(good + ": OK");
        assertThat(result.out).containsPattern(hostile + ": REJECTED 900[23] ");
        assertThat(result.out).doesNotContain("passwd");
    }

    @Test
    void validateWithoutFilesIsAUsageError() {
        assertThat(run("validate").exit).isEqualTo(2);
        assertThat(run("no-such-command").exit).isEqualTo(2);
    }

    @Test
    void verifyAcceptsAMessageSignedByItsSender() throws Exception {
        Path signed = sign("disclosure-request.xml", pki.signer(TestParty.XA_AGENCY).credential());

        Result result = run("verify", "--directory", directory(), signed.toString());

        assertThat(result.exit).as(result.err).isZero();
        assertThat(result.out.strip()).isEqualTo(signed + ": OK XA-AGENCY");
    }

    @Test
    void verifyRefusesARevokedSignerAndAnExpiredOneAndExitsOne() throws Exception {
        Path revoked = sign("disclosure-request.xml", pki.bad(BadSigner.REVOKED).credential());
        Path expired = sign("emergency-request.xml", pki.bad(BadSigner.EXPIRED).credential());

        Result result = run("verify", "--directory", directory(), revoked.toString(), expired.toString());

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.out).contains(revoked + ": REJECTED 9203 ").contains(expired + ": REJECTED 9201 ");
    }

    @Test
    void verifyRefusesASignerWhoIsNotTheSender() throws Exception {
        Path signed = sign("disclosure-request.xml", pki.signer(TestParty.XB_PROVIDER).credential());

        Result result = run("verify", "--directory", directory(), signed.toString());

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.out).contains(signed + ": REJECTED 9207 ");
    }

    @Test
    void verifyAtATimeAfterTheCertificatesExpiryRefusesIt() throws Exception {
        Path signed = sign("disclosure-request.xml", pki.signer(TestParty.XA_AGENCY).credential());

        Result result = run("verify", "--directory", directory(), "--at", "2200-01-01T00:00:00Z", signed.toString());

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.out).contains(signed + ": REJECTED 9201 ");
    }

    @Test
    void verifyNamesWhyEtsisSignedExampleIsRefusedRatherThanFailingToParse() {
        Path etsi = Path.of(System.getProperty("lexgate.etsi.dir", "../../shared/etsi-103120"),
                "v1.23.1", "examples", "xml", "request6_signed.xml");
        Assumptions.assumeTrue(Files.isRegularFile(etsi), "SKIPPED: ETSI reference folder absent (" + etsi + ")");

        Result result = run("verify", "--directory", directory(), etsi.toString());

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.out).contains(etsi + ": REJECTED 3001 ");
    }

    @Test
    void verifyWithAnInvalidDirectoryIsAUsageErrorNamingTheLine() throws IOException {
        Path broken = work.resolve("directory.xml");
        Files.writeString(broken, "<directory xmlns=\"http://lexgate.org/ns/directory/2026/11\" version=\"1\">\n<nonsense/>\n</directory>\n");

        Result result = run("verify", "--directory", broken.toString(), EXAMPLES.resolve("refusal.xml").toString());

        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains(broken.toString()).containsPattern(":\\d+");
    }

    @Test
    void signReadsThePasswordFromTheEnvironmentAndWritesAMessageThatVerifies() throws Exception {
        Path out = work.resolve("signed.xml");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                LexgateCommand.class.getName(),
                "sign", "--key", pki.signer(TestParty.XA_AGENCY).keystore().toString(),
                "--alias", pki.signer(TestParty.XA_AGENCY).alias(),
                EXAMPLES.resolve("disclosure-request.xml").toString(), out.toString());
        builder.environment().put("LEXGATE_KEY_PASSWORD", new String(pki.keystorePassword()));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(": SIGNED by CN=XA-AGENCY");
        Result verified = run("verify", "--directory", directory(), out.toString());
        assertThat(verified.out.strip()).isEqualTo(out + ": OK XA-AGENCY");
    }

    @Test
    void signWithoutAPasswordIsAUsageError() {
        Assumptions.assumeTrue(System.getenv("LEXGATE_KEY_PASSWORD") == null && System.console() == null,
                "SKIPPED: a key password is available to this test run");
        Result result = run("sign", "--key", pki.signer(TestParty.XA_AGENCY).keystore().toString(), "--alias", "x",
                EXAMPLES.resolve("refusal.xml").toString(), work.resolve("o.xml").toString());
        assertThat(result.exit).isEqualTo(2);
        assertThat(result.err).contains("LEXGATE_KEY_PASSWORD");
    }

    private Path sign(String example, SigningCredential credential) throws Exception {
        byte[] signed = new DocumentSigner(credential).sign(Files.readAllBytes(EXAMPLES.resolve(example)));
        Path file = Files.createTempFile(work, example.replace(".xml", ""), ".signed.xml");
        Files.write(file, signed);
        return file;
    }

    private static String directory() {
        return pkiDir.resolve("directory.xml").toString();
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LexgateCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {
    }
}
