package org.lexgate.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsTransactionManager;

/**
 * Outbound delivery in a node's Camel context: per-destination queues with an emergency lane, the
 * signed send with backoff and a circuit breaker per partner, the receipt check and the dead-letter
 * queue. See {@link OutboundRoutes} for the route and {@code package-info} for the whole picture.
 *
 * <pre>{@code
 * Broker broker = Broker.start(BrokerSettings.embedded(dataDir.resolve("broker")));
 * OutboundDelivery delivery = OutboundDelivery.builder()
 *         .camel(camel)                                   // the node's context
 *         .connectionFactory(broker.connectionFactory())
 *         .receiptCheck((message, receipt) -> ...)        // verify, match, store
 *         .listener(storeListener)                        // record delivered / dead-lettered
 *         .destination(Destination.of("XX-PROVIDER", hopClient))
 *         .start();
 * delivery.dispatcher().enqueue("XX-PROVIDER", signed, false, transactionId);
 * // shutdown: camel.stop(); delivery.close(); broker.close();
 * }</pre>
 *
 * <p>It registers the JMS component {@value #COMPONENT}: JMS local transactions through Spring's
 * {@link JmsTransactionManager} (the receive, the dead-letter send and the acknowledgement commit
 * together), listener resources not cached (STACK.md pitfall 7).
 */
public final class OutboundDelivery implements AutoCloseable {

    /** The Camel component name of lexgate's transacted JMS component. */
    public static final String COMPONENT = "lexgatejms";

    private static final Logger LOG = LoggerFactory.getLogger(OutboundDelivery.class);

    private final CamelContext camel;
    private final ConnectionFactory factory;
    private final ReceiptCheck receiptCheck;
    private final DeliveryListener listener;
    private final PartnerBreakers breakers = new PartnerBreakers();
    private final Map<String, Destination> destinations = new ConcurrentHashMap<>();
    private final ProducerTemplate producer;
    private final OutboundDispatcher dispatcher;
    private final DeadLetters deadLetters;

    private OutboundDelivery(Builder b) {
        this.camel = b.camel;
        this.factory = b.factory;
        this.receiptCheck = b.receiptCheck;
        this.listener = b.listener;
        this.producer = camel.createProducerTemplate();
        this.dispatcher = new OutboundDispatcher(camel, producer, destinations.keySet());
        this.deadLetters = new DeadLetters(factory);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the node queues messages. */
    public OutboundDispatcher dispatcher() {
        return dispatcher;
    }

    /** The operator's dead-letter operations. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** The configured destinations' party ids. */
    public Set<String> destinations() {
        return Set.copyOf(destinations.keySet());
    }

    /** The state of a partner's circuit: CLOSED, OPEN, HALF_OPEN (Resilience4j's names). */
    public String circuitState(String party) {
        return breakers.of(party).getState().name();
    }

    /** Sends a partner's circuit refused without calling it, since start. */
    public long refusedByCircuit(String party) {
        return breakers.refused(party);
    }

    /**
     * Adds a destination (and starts its two routes if the context is running).
     *
     * @throws IllegalArgumentException when it is already configured
     */
    public synchronized void addDestination(Destination destination) {
        if (destinations.containsKey(destination.party())) {
            throw new IllegalArgumentException("destination configured twice: " + destination.party());
        }
        try {
            camel.addRoutes(new OutboundRoutes(destination, breakers.register(destination), receiptCheck, listener));
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the routes of " + destination.party() + ": " + e.getMessage(), e);
        }
        destinations.put(destination.party(), destination);
        LOG.info("outbound destination {}: {} ({})", destination.party(), destination.client().address(),
                destination.policy());
    }

    /** Removes the routes of every destination from the context and closes their hop clients. */
    @Override
    public synchronized void close() {
        for (Destination d : List.copyOf(destinations.values())) {
            for (boolean emergency : new boolean[] {false, true}) {
                String id = OutboundRoutes.routeId(d.party(), emergency);
                try {
                    if (camel.getRoute(id) != null) {
                        camel.getRouteController().stopRoute(id);
                        camel.removeRoute(id);
                    }
                } catch (Exception e) {
                    LOG.warn("cannot stop route {}: {}", id, e.toString());
                }
            }
            d.client().close();
            destinations.remove(d.party());
        }
        try {
            producer.close();
        } catch (Exception e) {
            LOG.debug("producer template close: {}", e.toString());
        }
    }

    private void registerComponent() {
        if (camel.hasComponent(COMPONENT) != null) {
            return;
        }
        JmsComponent jms = JmsComponent.jmsComponentTransacted(factory, new JmsTransactionManager(factory));
        jms.setLazyCreateTransactionManager(false);
        // Under an external transaction manager the listener takes fresh consumers from the caching
        // factory for each receive, inside the transaction; nothing stays cached when a route stops.
        jms.setCacheLevelName("CACHE_NONE");
        jms.setReceiveTimeout(1000);
        // A rollback (circuit open) is routine: KeepQueued logs it; Spring need not.
        jms.setErrorHandlerLoggingLevel(LoggingLevel.DEBUG);
        jms.setErrorHandlerLogStackTrace(false);
        jms.setIncludeAllJMSXProperties(false);
        camel.addComponent(COMPONENT, jms);
    }

    /** Builds and starts an {@link OutboundDelivery}. Camel context, factory and receipt check are required. */
    public static final class Builder {
        private CamelContext camel;
        private ConnectionFactory factory;
        private ReceiptCheck receiptCheck;
        private DeliveryListener listener = DeliveryListener.NONE;
        private final List<Destination> destinations = new ArrayList<>();

        private Builder() {
        }

        /** The node's Camel context; routes are added to it. */
        public Builder camel(CamelContext camel) {
            this.camel = camel;
            return this;
        }

        /** The broker's connection factory ({@link Broker#connectionFactory()}). */
        public Builder connectionFactory(ConnectionFactory factory) {
            this.factory = factory;
            return this;
        }

        /** Verifies and stores each receipt before a message counts as delivered. */
        public Builder receiptCheck(ReceiptCheck receiptCheck) {
            this.receiptCheck = receiptCheck;
            return this;
        }

        /** Records each outcome (default: none). */
        public Builder listener(DeliveryListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** A destination; more may be added later with {@link OutboundDelivery#addDestination}. */
        public Builder destination(Destination destination) {
            destinations.add(Objects.requireNonNull(destination));
            return this;
        }

        /** Registers the JMS component and adds the destinations' routes (started with the context). */
        public OutboundDelivery start() {
            Objects.requireNonNull(camel, "camel");
            Objects.requireNonNull(factory, "connectionFactory");
            Objects.requireNonNull(receiptCheck, "receiptCheck");
            OutboundDelivery delivery = new OutboundDelivery(this);
            delivery.registerComponent();
            for (Destination d : destinations) {
                delivery.addDestination(d);
            }
            return delivery;
        }
    }
}
