package org.lexgate.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.cli.LexgateCommand;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.trust.pki.TestParty;

/**
 * {@code lexgate serve} and {@code lexgate send} as an operator runs them, each in its own process:
 * the provider node serves until SIGTERM and stops cleanly; the agency's {@code send} signs a
 * message, sends it over the SOAP hop and prints the verified receipt; sending it again prints the
 * same receipt (the original, byte for byte).
 */
class ServeAndSendTest {

    @TempDir
    Path dir;

    @Test
    void aServingNodeAcceptsWhatSendSendsAndStopsCleanlyOnSigterm() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        Path providerConfig = network.config(TestParty.XB_PROVIDER);
        Path agencyConfig = network.config(TestParty.XA_AGENCY, "  <endpoints enabled=\"false\"/>\n");
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        Path message = dir.resolve("request.xml");
        Files.write(message, Hi1Messages.write(request));
        String tx = request.getHeader().getTransactionIdentifier();

        Path served = dir.resolve("serve.out");
        Process serve = lexgate("serve", "--config", providerConfig.toString())
                .redirectOutput(served.toFile()).start();
        try {
            await().atMost(60, TimeUnit.SECONDS).until(() -> lines(served).stream().anyMatch(l -> l.contains(": SERVING")));
            assertThat(lines(served)).anySatisfy(l -> assertThat(l).startsWith("XB-PROVIDER: SERVING soap http://127.0.0.1:"
                    + network.port(TestParty.XB_PROVIDER)));

            Path firstReceipt = dir.resolve("receipt-1.xml");
            Result first = run("send", "--config", agencyConfig.toString(), "--receipt", firstReceipt.toString(),
                    message.toString());
            assertThat(first.exit).as(first.output).isZero();
            assertThat(first.output).contains(message + ": OK tx=" + tx + " digest=")
                    .contains("signer=CN=XB-PROVIDER").contains("(XB-PROVIDER)");

            Path secondReceipt = dir.resolve("receipt-2.xml");
            Result second = run("send", "--config", agencyConfig.toString(), "--receipt", secondReceipt.toString(),
                    message.toString());
            assertThat(second.exit).as(second.output).isZero();
            assertThat(Files.readAllBytes(secondReceipt)).isEqualTo(Files.readAllBytes(firstReceipt));
        } finally {
            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(90, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lines(served)).containsExactly(lines(served).get(0), "XB-PROVIDER: STOPPED");
    }

    private static ProcessBuilder lexgate(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LexgateCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(TestNetwork.ENV);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder;
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        Process process = lexgate(args).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private record Result(int exit, String output) {
    }
}
