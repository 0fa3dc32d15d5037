package org.lexgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Bad settings stop the node at start-up with the reason. */
class SettingsTest {

    @Test
    void aBrokerIsEitherEmbeddedOrExternal() {
        assertThatThrownBy(() -> new BrokerSettings(null, 0, null, null, null, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either");
        assertThatThrownBy(() -> new BrokerSettings(Path.of("x"), 0, "tcp://mq:61616", null, null, Duration.ZERO,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either");
        assertThatThrownBy(() -> BrokerSettings.external("tcp://mq:61616", null, null).withTcpPort(61617))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded broker only");
        assertThatThrownBy(() -> new BrokerSettings(Path.of("x"), 0, null, "user", null, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both user and password");
    }

    @Test
    void aPartyIdThatWouldBreakAQueueNameIsRefused() {
        assertThat(Queues.out("XX-RECEIVER", true)).isEqualTo("lexgate.out.XX-RECEIVER.emergency");
        for (String bad : new String[] {"XX.RECEIVER", "XX#", "XX*", "", "XX RECEIVER", "XX?a=b", "-XX"}) {
            assertThatThrownBy(() -> Queues.out(bad, false)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRetryLimitBelowWhatOpensTheCircuitIsRefused() {
        // 2 retries = 3 attempts, but the default breaker needs 5 failures to open: an unreachable
        // partner would dead-letter its messages instead of keeping them queued.
        assertThatThrownBy(() -> DeliveryPolicy.defaults().withBackoff(2, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open the circuit");
        assertThat(DeliveryPolicy.defaults().withBackoff(5, Duration.ofSeconds(1), Duration.ofSeconds(2))
                .maxRedeliveries()).isEqualTo(5);
    }
}
