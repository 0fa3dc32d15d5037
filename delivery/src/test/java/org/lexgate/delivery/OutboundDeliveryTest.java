package org.lexgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.BytesMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.message.ErrorCode;

/**
 * Outbound delivery against a real embedded Artemis (persistent journal in a temporary directory)
 * and a real signed SOAP endpoint on loopback.
 */
class OutboundDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path pkiDir;
    static TestNet net;

    @TempDir
    Path dir;
    Receiver receiver;
    SenderNode sender;

    @BeforeAll
    static void pki() throws Exception {
        net = new TestNet(pkiDir);
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void oneMessageIsDeliveredAndItsReceiptHandedToTheCallbacks() throws Exception {
        receiver = net.receiver(dir).start();
        sender = net.sender(dir.resolve("broker"), receiver);

        sender.send("TX-1", false);

        await().atMost(WAIT).until(() -> sender.delivered.contains("TX-1"));
        assertThat(receiver.counts).containsEntry("TX-1", 1);
        assertThat(sender.deadLettered).isEmpty();
        await().atMost(WAIT).until(() -> sender.queued(false) == 0);
        assertThat(sender.delivery.circuitState(Receiver.PARTY)).isEqualTo("CLOSED");
    }

    @Test
    void aDestinationThatIsDownForAWhileReceivesEverythingExactlyOnceWhenBack() throws Exception {
        receiver = net.receiver(dir);   // not started: connection refused
        sender = net.sender(dir.resolve("broker"), receiver);
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> "DOWN-" + i).toList();

        ids.forEach(id -> sender.send(id, false));
        sender.send("DOWN-E", true);
        await().atMost(WAIT).until(() -> "OPEN".equals(sender.delivery.circuitState(Receiver.PARTY))
                && sender.delivery.refusedByCircuit(Receiver.PARTY) > 5);
        receiver.start();

        await().atMost(WAIT).until(() -> sender.delivered.size() == 11);
        assertThat(receiver.arrivals).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 11).mapToObj(i -> i < 10 ? "DOWN-" + i : "DOWN-E").toList());
        assertThat(receiver.counts.values()).allMatch(n -> n == 1);
        assertThat(sender.deadLettered).isEmpty();
        assertThat(sender.delivery.deadLetters().list()).isEmpty();
    }

    @Test
    void theCircuitOpensForADeadPartnerAndItsMessagesStayQueued() throws Exception {
        receiver = net.receiver(dir);   // never started
        sender = net.sender(dir.resolve("broker"), receiver);

        sender.send("DEAD-1", false);

        await().atMost(WAIT).until(() -> "OPEN".equals(sender.delivery.circuitState(Receiver.PARTY)));
        long refused = sender.delivery.refusedByCircuit(Receiver.PARTY);
        await().atMost(WAIT).until(() -> sender.delivery.refusedByCircuit(Receiver.PARTY) > refused + 3);
        assertThat(sender.queued(false)).isEqualTo(1);
        assertThat(sender.deadLettered).isEmpty();
        assertThat(sender.delivery.deadLetters().list()).isEmpty();
    }

    @Test
    void aPermanentRefusalIsDeadLetteredWithItsReasonAndCanBeResent() throws Exception {
        receiver = net.receiver(dir).start();
        receiver.refuse.add("REFUSED-1");
        int port = TestNet.freePort();
        sender = new SenderNode(BrokerSettings.embedded(dir.resolve("broker")).withTcpPort(port)
                .withRedelivery(Duration.ofMillis(50), Duration.ofMillis(500)),
                net.senderKeys, receiver, net.receiverKeys, SenderNode.FAST);

        sender.send("REFUSED-1", false);
        sender.send("OK-1", false);

        await().atMost(WAIT).until(() -> sender.deadLettered.containsKey("REFUSED-1")
                && sender.delivered.contains("OK-1"));
        assertThat(sender.deadLettered.get("REFUSED-1")).startsWith(ErrorCode.NOT_AUTHORISED.code() + " ")
                .contains("REFUSED").contains(ErrorCode.NOT_AUTHORISED.safeText());
        // The operator's view, over the loopback TCP acceptor as the CLI would connect.
        try (ActiveMQConnectionFactory cli = Broker.clientFactory(sender.broker.tcpUrl().orElseThrow(), null, null)) {
            DeadLetters operator = new DeadLetters(cli);
            List<DeadLetter> letters = await().atMost(WAIT).until(operator::list, l -> l.size() == 1);
            DeadLetter letter = letters.get(0);
            assertThat(letter.messageId()).isEqualTo("REFUSED-1");
            assertThat(letter.destination()).isEqualTo(Receiver.PARTY);
            assertThat(letter.code()).isEqualTo(ErrorCode.NOT_AUTHORISED.code());
            assertThat(letter.reason()).contains(ErrorCode.NOT_AUTHORISED.safeText());
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.emergency()).isFalse();
            assertThat(letter.resendable()).isTrue();
            assertThat(letter.time()).isNotNull();

            receiver.refuse.clear();
            assertThat(operator.resend("REFUSED-1")).isEqualTo(1);
            await().atMost(WAIT).until(() -> sender.delivered.contains("REFUSED-1"));
            assertThat(operator.list()).isEmpty();
            assertThat(operator.resend("REFUSED-1")).isZero();
        }
        assertThat(receiver.counts).containsEntry("REFUSED-1", 1).containsEntry("OK-1", 1);
    }

    @Test
    void aReceiptCheckThatKeepsFailingTransientlyIsRetriedToTheLimitThenDeadLettered() throws Exception {
        receiver = net.receiver(dir).start();
        sender = net.sender(dir.resolve("broker"), receiver);
        sender.storeDownFor.add("STORE-1");

        sender.send("STORE-1", true);

        await().atMost(WAIT).until(() -> sender.deadLettered.containsKey("STORE-1"));
        assertThat(sender.deadLettered.get("STORE-1")).contains("gave up").contains("store down");
        DeadLetter letter = await().atMost(WAIT).until(() -> sender.delivery.deadLetters().list(), l -> l.size() == 1)
                .get(0);
        assertThat(letter.emergency()).isTrue();
        assertThat(letter.code()).isEqualTo(ErrorCode.TEMPORARILY_UNAVAILABLE.code());
        // Camel retried the failed step (the check), not the send: the receiver saw it once.
        assertThat(receiver.counts).containsEntry("STORE-1", 1);

        sender.storeDownFor.clear();
        sender.delivery.deadLetters().resend("STORE-1");
        await().atMost(WAIT).until(() -> sender.delivered.contains("STORE-1"));
    }

    @Test
    void aMessageQueuedForAnotherDestinationOrWithForeignHeadersIsNotSent() throws Exception {
        receiver = net.receiver(dir).start();
        sender = net.sender(dir.resolve("broker"), receiver);

        // Someone with access to the broker puts a message on this destination's queue, addressed elsewhere.
        try (Connection c = sender.broker.connectionFactory().createConnection();
             Session s = c.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer p = s.createProducer(s.createQueue(Queues.out(Receiver.PARTY, false)));
            BytesMessage m = s.createBytesMessage();
            m.writeBytes(Receiver.message("MISROUTED-1"));
            m.setStringProperty(OutboundHeaders.MESSAGE_ID, "MISROUTED-1");
            m.setStringProperty(OutboundHeaders.DESTINATION, "YY-ELSEWHERE");
            m.setStringProperty("CamelJmsDestinationName", "lexgate.out.YY-ELSEWHERE");
            p.send(m);
            s.commit();
        }

        DeadLetter letter = await().atMost(WAIT).until(() -> sender.delivery.deadLetters().list(),
                l -> l.size() == 1).get(0);
        assertThat(letter.reason()).contains("queued for YY-ELSEWHERE");
        assertThat(receiver.counts).isEmpty();
    }
}
