package org.lexgate.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.gateway.node.Node;
import org.lexgate.gateway.node.TestMessages;
import org.lexgate.gateway.node.TestNetwork;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.store.AuditEventType;
import org.lexgate.trust.pki.TestParty;

/**
 * The processing lanes on a real node and broker: a message the role refuses is parked on the
 * processing dead-letter queue once and not delivered again; one whose handling fails for a moment
 * is retried and handled; a message handled for good leaves no queue entry behind. The role gets the
 * message the intake bound (handed over), and the same content either way.
 */
class ProcessingLaneTest {

    @TempDir
    static Path dir;

    private static Node provider;
    /** What the role does per TransactionIdentifier: "refuse", "fail-once", or handle. */
    private static final Map<String, String> plan = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private static final List<AcceptedInbound> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        provider = Node.start(TestNetwork.load(network.config(TestParty.XB_PROVIDER)), context -> inbound -> {
            String tx = inbound.transactionId();
            int attempt = attempts.computeIfAbsent(tx, k -> new AtomicInteger()).incrementAndGet();
            switch (plan.getOrDefault(tx, "handle")) {
                case "refuse" -> throw new MessageRejectedException(ErrorCode.UNKNOWN_OBJECT, "test role refuses " + tx);
                case "fail-once" -> {
                    if (attempt == 1) {
                        throw new IllegalStateException("test role: back end away for a moment");
                    }
                    handled.add(inbound);
                }
                default -> handled.add(inbound);
            }
        });
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aRefusedMessageIsParkedOnceAndNotDeliveredAgain() throws Exception {
        String tx = accept("refuse");

        await().atMost(Duration.ofSeconds(20)).until(() -> provider.broker().messageCount(ProcessingQueues.DEAD) >= 1);
        assertThat(provider.store().audit().since(1, 10_000)).filteredOn(e -> e.entry().type() == AuditEventType.REFUSED
                && tx.equals(e.entry().transactionId())).hasSize(1);
        Thread.sleep(1_000); // a redelivery would come within the first back-off (500 ms)
        assertThat(attempts.get(tx).get()).as("refused for good: not handed over again").isEqualTo(1);
        assertThat(provider.broker().messageCount(ProcessingQueues.DEAD)).isEqualTo(1);
        assertThat(provider.processingBacklog()).isZero();
    }

    @Test
    void aHandlingThatFailsForAMomentIsRetriedAndHandledOnce() throws Exception {
        String tx = accept("fail-once");

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.stream().anyMatch(h -> h.transactionId().equals(tx)));
        assertThat(attempts.get(tx).get()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> provider.processingBacklog() == 0);
        assertThat(handled).filteredOn(h -> h.transactionId().equals(tx)).hasSize(1);
    }

    @Test
    void aHandledMessageLeavesNoQueueEntryAndTheRoleSeesWhatWasSigned() throws Exception {
        String tx = accept("handle");

        await().atMost(Duration.ofSeconds(20)).until(() -> handled.stream().anyMatch(h -> h.transactionId().equals(tx)));
        AcceptedInbound in = handled.stream().filter(h -> h.transactionId().equals(tx)).findFirst().orElseThrow();
        assertThat(in.message().getHeader().getTransactionIdentifier()).isEqualTo(tx);
        assertThat(in.signedBytes()).isEqualTo(provider.store().messages().get(java.util.UUID.fromString(in.messageId()))
                .orElseThrow().signedBytes());
        await().atMost(Duration.ofSeconds(20)).until(() -> provider.processingBacklog() == 0);
    }

    /** Posts a signed request whose TransactionIdentifier the role treats as {@code what}; returns it once accepted. */
    private static String accept(String what) throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        String tx = request.getHeader().getTransactionIdentifier();
        plan.put(tx, what);
        byte[] signed = ProviderFixture.sign(request, TestParty.XA_AGENCY);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(provider.etsiHttpAddress().orElseThrow()).header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(signed)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("accepted with a receipt").isEqualTo(200);
        return tx;
    }
}
