package org.lexgate.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.delivery.Broker;
import org.lexgate.delivery.BrokerSettings;

/**
 * The processing queue against a real embedded broker: many intake threads enqueue at once over the
 * cached sessions, every message lands once on its lane, and a message queued twice is kept once.
 */
class ProcessingQueueTest {

    @TempDir
    Path dir;

    @Test
    void concurrentSendersEachGetTheirMessageQueuedOnceOnItsLane() throws Exception {
        int threads = 8;
        int perThread = 25;
        try (Broker broker = Broker.start(BrokerSettings.embedded(dir.resolve("broker")));
             ProcessingQueue queue = new ProcessingQueue(Broker.clientFactory(broker.url(), null, null), threads)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> sends = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    boolean emergency = t == 0;
                    sends.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            String id = UUID.randomUUID().toString();
                            queue.enqueue(id, emergency);
                            queue.enqueue(id, emergency); // a duplicate: returns normally, kept once
                        }
                        return null;
                    }));
                }
                for (Future<?> send : sends) {
                    send.get();
                }
            } finally {
                pool.shutdownNow();
            }

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(broker.messageCount(ProcessingQueues.ROUTINE)).isEqualTo((long) (threads - 1) * perThread);
                assertThat(broker.messageCount(ProcessingQueues.EMERGENCY)).isEqualTo(perThread);
            });
        }
    }
}
