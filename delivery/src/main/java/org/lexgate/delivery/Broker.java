package org.lexgate.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The node's broker: an embedded ActiveMQ Artemis with a persistent NIO journal (the default), or
 * a connection to an external Artemis. Either way {@link #connectionFactory()} is what Camel's JMS
 * component and the node use.
 *
 * <p>The embedded broker is configured here, not by a broker.xml: journal type NIO (no libaio
 * needed; STACK.md pitfall 3); address settings for {@code #} with {@link Queues#DEAD} and
 * {@link Queues#EXPIRED} (pitfall 6); for {@code lexgate.out.#} a redelivery delay that doubles
 * with jitter and no delivery limit, because only the outbound route decides when a message is
 * dead; an in-VM acceptor for this process and, if configured, a CORE acceptor on
 * {@code 127.0.0.1} for tools such as {@code lexgate dlq}. JMX is off (several brokers may share a
 * JVM in tests and the demo).
 *
 * <p>The connection factory is Spring's {@link CachingConnectionFactory} over one connection with
 * consumer caching OFF (pitfall 7: a cached consumer of a stopped route kept prefetching) and
 * consumer window 0, so a message sits on the broker, not in a client buffer, until a consumer asks
 * for it. {@link #close()} closes it before stopping the broker.
 */
public final class Broker implements AutoCloseable {

    /** The longest an emergency lane waits before it offers a message to a partner that was down again. */
    public static final java.time.Duration EMERGENCY_MAX_REDELIVERY_DELAY = java.time.Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
    private static final AtomicInteger VM_IDS = new AtomicInteger(100);
    private static final String ROLE = "lexgate";

    private final BrokerSettings settings;
    private final EmbeddedActiveMQ embedded;
    private final String clientUrl;
    private final ActiveMQConnectionFactory artemis;
    private final CachingConnectionFactory cached;

    private Broker(BrokerSettings settings, EmbeddedActiveMQ embedded, String clientUrl,
                   ActiveMQConnectionFactory artemis, CachingConnectionFactory cached) {
        this.settings = settings;
        this.embedded = embedded;
        this.clientUrl = clientUrl;
        this.artemis = artemis;
        this.cached = cached;
    }

    /**
     * Starts the embedded broker (recovering its journal) or connects to the external one.
     *
     * @throws IllegalStateException when the broker cannot start, e.g. its journal is locked by
     *                               another process
     */
    public static Broker start(BrokerSettings settings) {
        EmbeddedActiveMQ embedded = null;
        String vmUrl = null;
        if (settings.isEmbedded()) {
            int vmId = VM_IDS.incrementAndGet();
            vmUrl = "vm://" + vmId;
            embedded = new EmbeddedActiveMQ();
            embedded.setConfiguration(configuration(settings, vmUrl, vmId));
            if (settings.user() != null) {
                SecurityConfiguration users = new SecurityConfiguration();
                users.addUser(settings.user(), settings.password());
                users.addRole(settings.user(), ROLE);
                embedded.setSecurityManager(new ActiveMQSecurityManagerImpl(users));
            }
            try {
                embedded.start();
            } catch (Exception e) {
                stopQuietly(embedded);
                throw new IllegalStateException("broker: cannot start the embedded broker in " + settings.dataDir()
                        + ": " + e.getMessage(), e);
            }
            LOG.info("broker started: {}", settings);
        }
        String url = settings.isEmbedded() ? vmUrl : settings.externalUrl();
        ActiveMQConnectionFactory artemis = clientFactory(url, settings.user(), settings.password());
        CachingConnectionFactory cached = new CachingConnectionFactory(artemis);
        cached.setCacheConsumers(false);
        cached.setCacheProducers(true);
        cached.setSessionCacheSize(20);
        cached.setReconnectOnException(true);
        return new Broker(settings, embedded, url, artemis, cached);
    }

    /**
     * A plain connection factory for another process on this machine (the CLI), or for tests:
     * consumer window 0, no caching. Close it after use.
     */
    public static ActiveMQConnectionFactory clientFactory(String url, String user, String password) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        factory.setConsumerWindowSize(0);
        factory.setBlockOnDurableSend(true);
        if (user != null) {
            factory.setUser(user);
            factory.setPassword(password);
        }
        return factory;
    }

    private static Configuration configuration(BrokerSettings settings, String vmUrl, int vmId) {
        Path dir = settings.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Configuration c = new ConfigurationImpl()
                    .setName("lexgate-" + vmId)
                    .setPersistenceEnabled(true)
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(dir.resolve("journal").toString())
                    .setBindingsDirectory(dir.resolve("bindings").toString())
                    .setPagingDirectory(dir.resolve("paging").toString())
                    .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                    .setNodeManagerLockDirectory(dir.toString())
                    .setJMXManagementEnabled(false)
                    .setSecurityEnabled(settings.user() != null);
            c.addAcceptorConfiguration("in-vm", vmUrl);
            if (settings.tcpPort() != 0) {
                c.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + settings.tcpPort() + "?protocols=CORE");
            }
            if (settings.user() != null) {
                c.putSecurityRoles("#", Set.of(new Role(ROLE, true, true, true, true, true, true, true, true, true,
                        true, true, true)));
            }
            c.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(Queues.DEAD))
                    .setExpiryAddress(SimpleString.of(Queues.EXPIRED))
                    .setMaxDeliveryAttempts(10));
            c.addAddressSetting(Queues.OUT_PREFIX + "#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(Queues.DEAD))
                    .setExpiryAddress(SimpleString.of(Queues.EXPIRED))
                    .setMaxDeliveryAttempts(-1)
                    .setRedeliveryDelay(settings.redeliveryDelay().toMillis())
                    .setRedeliveryMultiplier(2.0)
                    .setRedeliveryCollisionAvoidanceFactor(0.15)
                    .setMaxRedeliveryDelay(settings.maxRedeliveryDelay().toMillis()));
            // The emergency lanes (lexgate.out.<party>.emergency, the more specific match) retry a
            // partner that was down at most EMERGENCY_MAX_REDELIVERY_DELAY apart, so that an
            // emergency goes out as soon as the partner is back, ahead of the routine backlog.
            long emergencyMax = Math.min(settings.maxRedeliveryDelay().toMillis(), EMERGENCY_MAX_REDELIVERY_DELAY.toMillis());
            c.addAddressSetting(Queues.OUT_PREFIX + "*" + Queues.EMERGENCY_SUFFIX, new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(Queues.DEAD))
                    .setExpiryAddress(SimpleString.of(Queues.EXPIRED))
                    .setMaxDeliveryAttempts(-1)
                    .setRedeliveryDelay(Math.min(settings.redeliveryDelay().toMillis(), emergencyMax))
                    .setRedeliveryMultiplier(2.0)
                    .setRedeliveryCollisionAvoidanceFactor(0.15)
                    .setMaxRedeliveryDelay(emergencyMax));
            for (String queue : new String[] {Queues.DEAD, Queues.EXPIRED}) {
                c.addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("broker: bad configuration for " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The factory for Camel's JMS component and the node: cached sessions and producers, no cached consumers. */
    public ConnectionFactory connectionFactory() {
        return cached;
    }

    /** The URL this process uses ({@code vm://n} for the embedded broker). */
    public String url() {
        return clientUrl;
    }

    /** The loopback URL other processes use to reach the embedded broker, if a TCP port is configured. */
    public Optional<String> tcpUrl() {
        return settings.isEmbedded() && settings.tcpPort() != 0
                ? Optional.of("tcp://127.0.0.1:" + settings.tcpPort()) : Optional.empty();
    }

    public BrokerSettings settings() {
        return settings;
    }

    /**
     * Messages on a queue of the embedded broker (including ones in delivery or waiting for
     * redelivery), or -1 if there is no such queue. Counts update asynchronously (pitfall 5).
     *
     * @throws IllegalStateException for an external broker
     */
    public long messageCount(String queue) {
        if (embedded == null) {
            throw new IllegalStateException("message counts are available for the embedded broker only");
        }
        Queue q = embedded.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return q == null ? -1 : q.getMessageCount();
    }

    /** Closes the connection factory, then stops the embedded broker. */
    @Override
    public void close() {
        try {
            cached.destroy();
            artemis.close();
        } finally {
            if (embedded != null) {
                stopQuietly(embedded);
                LOG.info("broker stopped: {}", settings);
            }
        }
    }

    private static void stopQuietly(EmbeddedActiveMQ embedded) {
        try {
            embedded.stop();
        } catch (Exception e) {
            LOG.warn("broker: stop failed: {}", e.toString());
        }
    }
}
