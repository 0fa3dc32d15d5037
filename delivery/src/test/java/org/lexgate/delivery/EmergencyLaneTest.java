package org.lexgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An emergency request never waits behind routine traffic (§30, §34, §48): 50 routine messages
 * queue up for a receiver that is slow (it holds each routine message at its door until the
 * emergency has arrived, or at most 20 s); the emergency message, queued last, arrives at the
 * receiver before all but the one routine message already in flight.
 */
class EmergencyLaneTest {

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
    void anEmergencyMessageOvertakesABacklogOfRoutineOnes() throws Exception {
        TestNet net = new TestNet(dir.resolve("pki"));
        receiver = net.receiver(dir).start();
        CountDownLatch emergencyArrived = new CountDownLatch(1);
        receiver.gate = id -> {
            if (id.equals("EMERGENCY")) {
                emergencyArrived.countDown();
            } else {
                emergencyArrived.await(20, TimeUnit.SECONDS);
            }
        };
        sender = net.sender(dir.resolve("broker"), receiver);

        for (int i = 0; i < 50; i++) {
            sender.send("ROUTINE-" + i, false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sender.queued(false) == 50);
        sender.send("EMERGENCY", true);

        await().atMost(Duration.ofSeconds(60)).until(() -> sender.delivered.size() == 51);
        int position = receiver.arrivals.indexOf("EMERGENCY");
        assertThat(position).as("arrival order %s", receiver.arrivals).isLessThanOrEqualTo(1);
        assertThat(receiver.arrivals).hasSize(51);
        assertThat(receiver.counts.values()).allMatch(n -> n == 1);
    }
}
