package org.lexgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queued work survives a restart of the node and its broker: the journal on disk is the record. */
class BrokerRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    Receiver receiver;
    SenderNode sender;

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
    void messagesQueuedBeforeARestartAreDeliveredExactlyOnceAfterIt() throws Exception {
        TestNet net = new TestNet(dir.resolve("pki"));
        receiver = net.receiver(dir);   // down while the first node runs
        Path journal = dir.resolve("broker");
        sender = net.sender(journal, receiver);
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> "KEEP-" + i).toList();
        ids.forEach(id -> sender.send(id, false));
        sender.send("KEEP-E", true);
        // In flight: tried, refused by the open circuit, rolled back and waiting for redelivery.
        await().atMost(WAIT).until(() -> "OPEN".equals(sender.delivery.circuitState(Receiver.PARTY)));
        assertThat(sender.queued(false) + sender.queued(true)).isEqualTo(6);

        sender.close();
        sender = null;
        receiver.start();
        sender = net.sender(journal, receiver);

        await().atMost(WAIT).until(() -> sender.delivered.size() == 6);
        assertThat(receiver.arrivals).containsExactlyInAnyOrder("KEEP-0", "KEEP-1", "KEEP-2", "KEEP-3", "KEEP-4",
                "KEEP-E");
        assertThat(receiver.counts.values()).allMatch(n -> n == 1);
        await().atMost(WAIT).until(() -> sender.queued(false) + sender.queued(true) == 0);
    }
}
