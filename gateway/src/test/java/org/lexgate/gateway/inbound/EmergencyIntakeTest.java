package org.lexgate.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.gateway.node.Node;
import org.lexgate.gateway.node.RecordingRoles;
import org.lexgate.gateway.node.TestMessages;
import org.lexgate.gateway.node.TestNetwork;
import org.lexgate.gateway.receipt.Digests;
import org.lexgate.gateway.receipt.ReceiptVerifier;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.lexgate.trust.binding.SenderBinding;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.pki.TestParty;
import org.slf4j.LoggerFactory;

/**
 * The emergency intake (§30) over real loopback HTTP: a second ETSI POST listener with workers of its
 * own. The node's routine endpoint has a single worker here, held by a request whose body never
 * arrives, so anything that shared its pool would wait.
 */
class EmergencyIntakeTest {

    private static final PartyId AGENCY = PartyId.parse("XA-AGENCY");
    private static final PartyId PROVIDER = PartyId.parse("XB-PROVIDER");

    @TempDir
    static Path dir;

    private static final RecordingRoles roles = new RecordingRoles();
    private static final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private static Node provider;
    private static ReceiptVerifier receipts;

    @BeforeAll
    static void start() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        provider = Node.start(TestNetwork.load(network.config(TestParty.XB_PROVIDER, """
                  <endpoints>
                    <soap>%s</soap>
                    <etsiHttp workers="1">http://127.0.0.1:0/lexgate/hi1</etsiHttp>
                  </endpoints>
                """.formatted(network.soapUrl(TestParty.XB_PROVIDER)))), roles);
        receipts = new ReceiptVerifier(Hi1Codec.createDefault(), new org.lexgate.trust.signature.DocumentVerifier(),
                new SenderBinding(provider.directory()), Clock.systemUTC());
        log.start();
        ((Logger) LoggerFactory.getLogger(InboundGate.class)).addAppender(log);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(InboundGate.class)).detachAppender(log);
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theEmergencyIntakeIsOnByDefaultOnAPortOfItsOwn() {
        URI intake = provider.emergencyIntakeAddress().orElseThrow();
        URI routine = provider.etsiHttpAddress().orElseThrow();

        assertThat(intake.getPort()).isPositive().isNotEqualTo(routine.getPort());
        assertThat(intake.getPath()).isEqualTo(routine.getPath());
    }

    @Test
    void anEmergencyGetsItsSignedReceiptThroughTheIntakeWhileTheRoutineEndpointIsBusy() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, true);
        String tx = request.getHeader().getTransactionIdentifier();
        byte[] signed = ProviderFixture.sign(request, TestParty.XA_AGENCY);

        HttpResponse<byte[]> response;
        try (Socket stalled = holdTheRoutineWorker()) {
            response = post(provider.emergencyIntakeAddress().orElseThrow(),
                    HttpRequest.BodyPublishers.ofByteArray(signed));
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(receipts.verify(response.body(), PROVIDER, AGENCY, tx, Digests.sha256Hex(signed)).accepted()).isTrue();
        assertThat(handled(tx).emergency()).as("handled on the emergency lane").isTrue();
        assertThat(warnings(tx)).isEmpty();
    }

    @Test
    void aRoutineRequestSentToTheIntakeIsAcceptedHandledAsRoutineAndItsSenderNamed() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        String tx = request.getHeader().getTransactionIdentifier();
        byte[] signed = ProviderFixture.sign(request, TestParty.XA_AGENCY);

        HttpResponse<byte[]> response = post(provider.emergencyIntakeAddress().orElseThrow(),
                HttpRequest.BodyPublishers.ofByteArray(signed));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(receipts.verify(response.body(), PROVIDER, AGENCY, tx, Digests.sha256Hex(signed)).accepted()).isTrue();
        assertThat(handled(tx).emergency()).as("handled on the routine lane").isFalse();
        assertThat(warnings(tx)).singleElement().satisfies(w -> {
            assertThat(w.getLevel()).isEqualTo(Level.WARN);
            assertThat(w.getFormattedMessage()).contains("XA-AGENCY", "not an emergency", "handled as routine");
        });
    }

    @Test
    void aBodyWithoutContentLengthIsReadToo() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        String tx = request.getHeader().getTransactionIdentifier();
        byte[] signed = ProviderFixture.sign(request, TestParty.XA_AGENCY);

        HttpResponse<byte[]> response = post(provider.etsiHttpAddress().orElseThrow(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(signed))); // chunked

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(receipts.verify(response.body(), PROVIDER, AGENCY, tx, Digests.sha256Hex(signed)).accepted()).isTrue();
        assertThat(handled(tx).emergency()).isFalse();
    }

    /**
     * Opens a POST to the routine endpoint whose body never comes, and waits until the endpoint's
     * only worker is reading it. Closing the socket frees the worker (the truncated body is refused).
     */
    private static Socket holdTheRoutineWorker() throws Exception {
        URI routine = provider.etsiHttpAddress().orElseThrow();
        Socket socket = new Socket(routine.getHost(), routine.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + routine.getPath() + " HTTP/1.1\r\nHost: " + routine.getHost() + "\r\n"
                + "Content-Type: application/xml\r\nContent-Length: 100000\r\n\r\n<HI1Message").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        await().atMost(Duration.ofSeconds(20)).until(EmergencyIntakeTest::routineWorkerIsReadingABody);
        return socket;
    }

    private static boolean routineWorkerIsReadingABody() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("lexgate-etsi-http"))
                .anyMatch(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("readBody")));
    }

    private static AcceptedInbound handled(String tx) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> roles.handled().stream().anyMatch(h -> h.transactionId().equals(tx)));
        return roles.handled().stream().filter(h -> h.transactionId().equals(tx)).findFirst().orElseThrow();
    }

    private static java.util.List<ILoggingEvent> warnings(String tx) {
        synchronized (log) {
            return log.list.stream().filter(e -> e.getFormattedMessage().contains(tx)).toList();
        }
    }

    private static HttpResponse<byte[]> post(URI address, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/xml").POST(body).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
