package org.lexgate.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lexgate.hi1.core.HI1Message;

class AcceptedHandoverTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theBoundMessageIsTakenOnceAndOnlyForTheBytesItWasBoundFrom() {
        AcceptedHandover handover = new AcceptedHandover(4, 1 << 20);
        HI1Message message = new HI1Message();
        handover.put("m1", bytes("<signed/>"), message);

        assertThat(handover.take("m1", bytes("<signed/>"))).containsSame(message);
        assertThat(handover.take("m1", bytes("<signed/>"))).as("taken once: a retry binds from the store").isEmpty();

        handover.put("m2", bytes("<signed/>"), message);
        assertThat(handover.take("m2", bytes("<other/>"))).as("other bytes in the store: not this message").isEmpty();
        assertThat(handover.size()).as("the mismatched entry is dropped").isZero();
        assertThat(handover.take("unknown", bytes("<signed/>"))).isEmpty();
    }

    @Test
    void whenFullTheMessagesProcessedNextAreKeptAndNewOnesAreNot() {
        AcceptedHandover handover = new AcceptedHandover(2, 1 << 20);
        HI1Message first = new HI1Message();
        HI1Message second = new HI1Message();
        handover.put("m1", bytes("1"), first);
        handover.put("m2", bytes("2"), second);
        handover.put("m3", bytes("3"), new HI1Message());

        assertThat(handover.size()).isEqualTo(2);
        assertThat(handover.take("m3", bytes("3"))).isEmpty();
        assertThat(handover.take("m1", bytes("1"))).containsSame(first);
        assertThat(handover.take("m2", bytes("2"))).containsSame(second);
    }

    @Test
    void anEntryNobodyTookMakesRoomOnceStale() throws InterruptedException {
        AcceptedHandover handover = new AcceptedHandover(1, 1 << 20, Duration.ofMillis(1));
        handover.put("lost", bytes("1"), new HI1Message());
        Thread.sleep(5);
        HI1Message next = new HI1Message();
        handover.put("next", bytes("2"), next);

        assertThat(handover.take("lost", bytes("1"))).isEmpty();
        assertThat(handover.take("next", bytes("2"))).containsSame(next);
    }

    @Test
    void theSignedBytesKeptAreBoundedAllMessagesTogether() {
        AcceptedHandover handover = new AcceptedHandover(10, 100);
        HI1Message first = new HI1Message();
        handover.put("m1", new byte[60], first);
        handover.put("m2", new byte[60], new HI1Message());
        handover.put("huge", new byte[101], new HI1Message());

        assertThat(handover.size()).as("60 + 60 and 101 exceed 100 bytes").isEqualTo(1);
        assertThat(handover.heldBytes()).isEqualTo(60);
        assertThat(handover.take("m1", new byte[60])).containsSame(first);
        assertThat(handover.heldBytes()).isZero();
        handover.put("m2", new byte[60], new HI1Message());
        assertThat(handover.heldBytes()).as("room again once taken").isEqualTo(60);
    }

    @Test
    void aZeroCapacityKeepsNothing() {
        AcceptedHandover handover = new AcceptedHandover(0, 1 << 20);
        handover.put("m", bytes("1"), new HI1Message());
        new AcceptedHandover(4, 0).put("m", bytes("1"), new HI1Message());

        assertThat(handover.size()).isZero();
    }
}
