package org.lexgate.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.delivery.Broker;
import org.lexgate.gateway.node.TestMessages;
import org.lexgate.gateway.receipt.Digests;
import org.lexgate.gateway.receipt.ReceiptVerifier;
import org.lexgate.gateway.receipt.VerifiedReceipt;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.Hi1Codec;
import org.lexgate.store.AuditEventType;
import org.lexgate.trust.binding.SenderBinding;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.signature.DocumentVerifier;

/** The two other channels into the same pipeline: ETSI's HTTP POST binding and the inbound Artemis queue. */
class EtsiHttpAndQueueTest {

    private static final PartyId AGENCY = PartyId.parse("XA-AGENCY");
    private static final PartyId PROVIDER = PartyId.parse("XB-PROVIDER");

    @TempDir
    static Path dir;

    private static ProviderFixture fixture;
    private static ReceiptVerifier receipts;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ProviderFixture(dir);
        receipts = new ReceiptVerifier(Hi1Codec.createDefault(), new DocumentVerifier(),
                new SenderBinding(fixture.provider.directory()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theEtsiHttpBindingAcceptsABareSignedMessageAndAnswersWithTheSignedReceipt() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        String tx = request.getHeader().getTransactionIdentifier();
        byte[] signed = ProviderFixture.sign(request, TestParty.XA_AGENCY);

        HttpResponse<byte[]> response = post(signed);

        assertThat(response.statusCode()).isEqualTo(200);
        VerifiedReceipt receipt = receipts.verify(response.body(), PROVIDER, AGENCY, tx, Digests.sha256Hex(signed));
        assertThat(receipt.accepted()).isTrue();
        assertThat(fixture.messageRows(tx)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.handled(tx) == 1);
    }

    @Test
    void aChunkedBodyIsAcceptedFromThePiecesItWasReadInAndStoredByteForByte() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        String tx = request.getHeader().getTransactionIdentifier();
        // Whitespace after the root element is outside the signature and part of the exact bytes: 40 KB
        // of it makes the body, sent without a length, four pieces (8, 16, 32 KB and the rest).
        byte[] signed = ProviderFixture.sign(request, TestParty.XA_AGENCY);
        byte[] body = java.util.Arrays.copyOf(signed, signed.length + 40_000);
        java.util.Arrays.fill(body, signed.length, body.length, (byte) '\n');

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(fixture.provider.etsiHttpAddress().orElseThrow())
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        VerifiedReceipt receipt = receipts.verify(response.body(), PROVIDER, AGENCY, tx, Digests.sha256Hex(body));
        assertThat(receipt.accepted()).isTrue();
        byte[] stored = fixture.provider.store().messages().findInbound("XA-AGENCY", tx).orElseThrow().signedBytes();
        assertThat(java.util.Arrays.equals(stored, body)).as("the exact bytes, trailing whitespace and all").isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.handled(tx) == 1);
    }

    @Test
    void theEtsiHttpBindingAnswersARefusalWithASignedErrorInformationAnd400() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        String tx = request.getHeader().getTransactionIdentifier();
        byte[] tampered = new String(ProviderFixture.sign(request, TestParty.XA_AGENCY), StandardCharsets.UTF_8)
                .replace("suspect@mail.example", "someone@mail.example").getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> response = post(tampered);

        assertThat(response.statusCode()).isEqualTo(400);
        VerifiedReceipt refusal = receipts.verify(response.body(), PROVIDER, AGENCY, tx, Digests.sha256Hex(tampered));
        assertThat(refusal.accepted()).isFalse();
        assertThat(refusal.errorCode()).contains(ErrorCode.SIGNATURE_DIGEST_MISMATCH.code());
        assertThat(refusal.errorText()).contains(ErrorCode.SIGNATURE_DIGEST_MISMATCH.safeText());
        assertThat(fixture.messageRows(tx)).isZero();
        assertThat(fixture.audit(AuditEventType.REFUSED, tx)).hasSize(1);
    }

    @Test
    void theEtsiHttpBindingServesOnlyPost() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(fixture.provider.etsiHttpAddress().orElseThrow()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void aMessageOnTheInboundQueueIsAcceptedAndItsReceiptQueued() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, true);
        String tx = request.getHeader().getTransactionIdentifier();
        byte[] signed = ProviderFixture.sign(request, TestParty.XA_AGENCY);

        try (ActiveMQConnectionFactory factory = Broker.clientFactory(fixture.provider.broker().url(), null, null);
             Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(signed);
            message.setJMSReplyTo(session.createQueue("somewhere.else"));
            message.setStringProperty("LexgateMessageId", "forged");
            session.createProducer(session.createQueue("lexgate.xb-provider.in")).send(message);

            MessageConsumer consumer = session.createConsumer(session.createQueue("lexgate.xb-provider.in.receipts"));
            BytesMessage reply = (BytesMessage) consumer.receive(Duration.ofSeconds(20).toMillis());
            assertThat(reply).isNotNull();
            assertThat(reply.getJMSCorrelationID()).isEqualTo(message.getJMSMessageID());
            assertThat(reply.getStringProperty("LexgateOutcome")).isEqualTo("ACCEPTED");
            byte[] receipt = reply.getBody(byte[].class);
            assertThat(receipts.verify(receipt, PROVIDER, AGENCY, tx, Digests.sha256Hex(signed)).accepted()).isTrue();
        }
        assertThat(fixture.messageRows(tx)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.handled(tx) == 1);
        assertThat(fixture.roles.handled().stream().filter(h -> h.transactionId().equals(tx)).findFirst().orElseThrow()
                .emergency()).isTrue();
    }

    private static HttpResponse<byte[]> post(byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(fixture.provider.etsiHttpAddress().orElseThrow())
                        .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
