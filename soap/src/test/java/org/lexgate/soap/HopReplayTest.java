package org.lexgate.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.message.ErrorCode;

/**
 * A signed hop request captured on the wire and sent again is refused as a replay — also after
 * the receiving endpoint was stopped and started again on a new CXF bus with the same replay store.
 */
class HopReplayTest {

    static final byte[] MESSAGE = "<HI1Message xmlns='http://uri.etsi.org/03120/common/2019/10/Core'/>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    HopFixture net;
    HopClient client;

    @BeforeEach
    void start() throws Exception {
        net = new HopFixture(dir).start();
        client = net.senderClient();
    }

    @AfterEach
    void stop() {
        client.close();
        net.close();
    }

    @Test
    void capturedRequestSentAgainIsRefusedAsReplay() throws Exception {
        WireTap tap = WireTap.on(client);
        client.submit(MESSAGE);
        byte[] captured = tap.last();

        assertThat(RawHop.postForCode(net.address, captured)).isEqualTo(ErrorCode.HOP_REPLAY.code());
        assertThat(RawHop.postForCode(net.address, captured)).isEqualTo(ErrorCode.HOP_REPLAY.code());
        assertThat(net.deliveries).hasSize(1);
    }

    @Test
    void replayIsStillRefusedAfterTheEndpointRestarts() throws Exception {
        WireTap tap = WireTap.on(client);
        client.submit(MESSAGE);
        byte[] captured = tap.last();

        net.stop();
        net.start();

        assertThat(RawHop.postForCode(net.address, captured)).isEqualTo(ErrorCode.HOP_REPLAY.code());
        assertThat(net.deliveries).hasSize(1);
        client.submit(MESSAGE); // a fresh hop of the same document still passes after the restart
        assertThat(net.deliveries).hasSize(2);
    }

    @Test
    void handMadeRequestIsAcceptedOnceThenRefusedAsReplay() throws Exception {
        byte[] request = RawHop.build(net.senderKeys, MESSAGE, spec -> { });

        var first = RawHop.post(net.address, request);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(RawHop.faultCode(first.body())).isEqualTo(-1);
        assertThat(RawHop.postForCode(net.address, request)).isEqualTo(ErrorCode.HOP_REPLAY.code());
        assertThat(net.deliveries).hasSize(1);
    }
}
