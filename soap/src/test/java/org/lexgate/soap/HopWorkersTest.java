package org.lexgate.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hop endpoint works on at most its configured number of requests at once: the others wait for
 * a thread and are then served, none is lost. (Jetty's default pool would take all of them at once.)
 */
class HopWorkersTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void atMostTheConfiguredWorkersServeRequestsAtOnceAndTheOthersWaitTheirTurn(int workers) throws Exception {
        HopFixture net = new HopFixture(dir);
        AtomicInteger inHandler = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        int requests = 8;
        try (JdbcReplayCache replay = JdbcReplayCache.h2File(dir.resolve("hop-replay"),
                        net.receiverSecurity().replayWindow());
                HopEndpoint endpoint = HopEndpoint.builder()
                        .address(net.address)
                        .security(net.receiverSecurity())
                        .replayCache(replay)
                        .neighbours(NeighbourPolicy.pinned(Map.of("XX-SENDER", net.senderCertificate())))
                        .workers(workers)
                        .handler(delivery -> {
                            mostAtOnce.accumulateAndGet(inHandler.incrementAndGet(), Math::max);
                            try {
                                release.await(20, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                inHandler.decrementAndGet();
                            }
                            return HopFixture.RECEIPT;
                        })
                        .start()) {
            ExecutorService senders = Executors.newFixedThreadPool(requests);
            try {
                List<Future<byte[]>> receipts = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    receipts.add(senders.submit(() -> {
                        try (HopClient client = net.senderClient()) {
                            return client.submit(HopRoundTripTest.FRAGILE);
                        }
                    }));
                }
                Thread.sleep(3_000); // every request has reached the endpoint by now
                assertThat(mostAtOnce.get()).isBetween(1, workers);
                release.countDown();
                for (Future<byte[]> receipt : receipts) {
                    assertThat(receipt.get(60, TimeUnit.SECONDS)).isEqualTo(HopFixture.RECEIPT);
                }
            } finally {
                release.countDown();
                senders.shutdownNow();
            }
        }
        assertThat(mostAtOnce.get()).isEqualTo(workers);
    }

    @Test
    void anEndpointWithFewerThanTwoWorkersIsRefused() {
        assertThatThrownBy(() -> HopEndpoint.builder().workers(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 workers");
    }
}
