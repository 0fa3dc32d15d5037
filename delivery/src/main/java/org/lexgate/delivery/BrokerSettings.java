package org.lexgate.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the node's work in flight lives: an embedded Artemis with a persistent journal under
 * {@code dataDir} (the default), or an external Artemis reached by URL. Changing one for the other
 * is configuration only.
 *
 * @param dataDir            embedded: the journal, bindings, paging and large-message directories
 *                           (default {@code <node data>/broker}); null for an external broker
 * @param tcpPort            embedded: loopback TCP port for other processes such as
 *                           {@code lexgate dlq} (default 0 = in-VM only)
 * @param externalUrl        external: the broker URL, e.g. {@code tcp://mq1:61616?reconnectAttempts=-1};
 *                           null for the embedded broker
 * @param user               the broker user (default none: security off; embedded with a user turns
 *                           security on and admits only this user)
 * @param password           that user's password
 * @param redeliveryDelay    how long a message that went back to its queue (circuit open, node
 *                           failure) waits before it is tried again (default 1 s)
 * @param maxRedeliveryDelay the ceiling of that wait as it doubles (default 60 s)
 */
public record BrokerSettings(Path dataDir, int tcpPort, String externalUrl, String user, String password,
                             Duration redeliveryDelay, Duration maxRedeliveryDelay) {

    public static final Duration DEFAULT_REDELIVERY_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_REDELIVERY_DELAY = Duration.ofSeconds(60);

    public BrokerSettings {
        if ((dataDir == null) == (externalUrl == null)) {
            throw new IllegalArgumentException("broker: give either a data directory (embedded) or a URL (external)");
        }
        if (tcpPort < 0 || tcpPort > 65535) {
            throw new IllegalArgumentException("broker: TCP port out of range: " + tcpPort);
        }
        if (externalUrl != null && tcpPort != 0) {
            throw new IllegalArgumentException("broker: a TCP port is for the embedded broker only");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("broker: give both user and password, or neither");
        }
        Objects.requireNonNull(redeliveryDelay, "redeliveryDelay");
        Objects.requireNonNull(maxRedeliveryDelay, "maxRedeliveryDelay");
        if (redeliveryDelay.isNegative() || maxRedeliveryDelay.compareTo(redeliveryDelay) < 0) {
            throw new IllegalArgumentException("broker: redelivery delays must be 0 <= delay <= max delay");
        }
    }

    /** An embedded broker with its journal in {@code dataDir}, in-VM only, security off. */
    public static BrokerSettings embedded(Path dataDir) {
        return new BrokerSettings(Objects.requireNonNull(dataDir, "dataDir"), 0, null, null, null,
                DEFAULT_REDELIVERY_DELAY, DEFAULT_MAX_REDELIVERY_DELAY);
    }

    /** An external broker (security as that broker is configured). */
    public static BrokerSettings external(String url, String user, String password) {
        return new BrokerSettings(null, 0, Objects.requireNonNull(url, "url"), user, password,
                DEFAULT_REDELIVERY_DELAY, DEFAULT_MAX_REDELIVERY_DELAY);
    }

    /** Also listen on {@code 127.0.0.1:port} (CORE protocol) for other processes on this machine. */
    public BrokerSettings withTcpPort(int port) {
        return new BrokerSettings(dataDir, port, externalUrl, user, password, redeliveryDelay, maxRedeliveryDelay);
    }

    /** Require this user (embedded: turns security on). */
    public BrokerSettings withCredentials(String user, String password) {
        return new BrokerSettings(dataDir, tcpPort, externalUrl, Objects.requireNonNull(user),
                Objects.requireNonNull(password), redeliveryDelay, maxRedeliveryDelay);
    }

    /** The broker's wait before a rolled-back message is tried again, doubling up to {@code max}. */
    public BrokerSettings withRedelivery(Duration delay, Duration max) {
        return new BrokerSettings(dataDir, tcpPort, externalUrl, user, password, delay, max);
    }

    public boolean isEmbedded() {
        return dataDir != null;
    }

    @Override
    public String toString() {
        return isEmbedded() ? "embedded broker in " + dataDir + (tcpPort == 0 ? "" : " (tcp 127.0.0.1:" + tcpPort + ")")
                : "external broker " + externalUrl;
    }
}
