package org.lexgate.soap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad hop configuration stops start-up with the file and the reason, before anything listens. */
class HopConfigTest {

    @TempDir
    Path dir;

    @Test
    void keyAliasThatIsNotInTheKeystoreStopsStartUp() throws Exception {
        HopKeys good = TestHopPki.create(dir, "ca").party("node");
        HopKeys wrongAlias = new HopKeys(good.keyStore(), good.keyStorePassword(), "nope", good.keyPassword(),
                good.trustStore(), good.trustStorePassword());

        assertThatThrownBy(() -> HopClient.builder().address(URI.create("http://127.0.0.1:1/hop"))
                .security(HopSecurity.of(wrongAlias)).neighbours(signer -> null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(good.keyStore().toString())
                .hasMessageContaining("'nope'");
    }

    @Test
    void wrongKeystorePasswordStopsStartUp() throws Exception {
        HopKeys good = TestHopPki.create(dir, "ca").party("node");
        HopKeys wrongPassword = HopKeys.of(good.keyStore(), "wrong".toCharArray(), good.keyAlias(),
                good.trustStore(), good.trustStorePassword());

        assertThatThrownBy(wrongPassword::check)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(good.keyStore().toString());
    }

    @Test
    void httpsAddressWithoutTlsSettingsStopsStartUp() throws Exception {
        HopKeys keys = TestHopPki.create(dir, "ca").party("node");
        try (JdbcReplayCache cache = JdbcReplayCache.h2File(dir.resolve("r"), Duration.ofMinutes(6))) {
            assertThatThrownBy(() -> HopEndpoint.builder()
                    .address(URI.create("https://127.0.0.1:" + HopFixture.freePort() + "/hop"))
                    .security(HopSecurity.of(keys)).replayCache(cache)
                    .neighbours(NeighbourPolicy.pinned(Map.of())).handler(d -> new byte[0])
                    .start())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("https");
        }
    }

    @Test
    void timestampRulesBelowOneSecondAreRefused() throws Exception {
        HopKeys keys = TestHopPki.create(dir, "ca").party("node");

        assertThatThrownBy(() -> new HopSecurity(keys, Duration.ofSeconds(300), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clockSkew");
    }
}
