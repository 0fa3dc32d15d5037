package org.lexgate.gateway.node;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.lexgate.delivery.Broker;
import org.lexgate.delivery.BrokerSettings;
import org.lexgate.delivery.DeliveryPolicy;
import org.lexgate.delivery.OutboundDelivery;
import org.lexgate.delivery.Queues;
import org.lexgate.gateway.inbound.AcceptRoute;
import org.lexgate.gateway.inbound.AcceptedHandover;
import org.lexgate.gateway.inbound.EmergencyFirst;
import org.lexgate.gateway.inbound.EtsiHttpEndpoint;
import org.lexgate.gateway.inbound.InboundGate;
import org.lexgate.gateway.inbound.InboundSteps;
import org.lexgate.gateway.inbound.ProcessingQueue;
import org.lexgate.gateway.inbound.ProcessingQueues;
import org.lexgate.gateway.inbound.ProcessingRoute;
import org.lexgate.gateway.inbound.ProcessingSteps;
import org.lexgate.gateway.inbound.QueueInboundRoute;
import org.lexgate.gateway.inbound.SoapInbound;
import org.lexgate.gateway.outbound.Destinations;
import org.lexgate.gateway.outbound.MessageSender;
import org.lexgate.gateway.outbound.NodeMessageSender;
import org.lexgate.gateway.outbound.StoreDeliveryListener;
import org.lexgate.gateway.outbound.StoreReceiptCheck;
import org.lexgate.gateway.receipt.ReceiptVerifier;
import org.lexgate.gateway.receipt.ReceiptWriter;
import org.lexgate.gateway.receipt.StoreQueryAnswers;
import org.lexgate.gateway.role.RoleContext;
import org.lexgate.gateway.role.RoleHandler;
import org.lexgate.message.Hi1Codec;
import org.lexgate.soap.HopEndpoint;
import org.lexgate.soap.JdbcReplayCache;
import org.lexgate.store.Store;
import org.lexgate.store.StoreSettings;
import org.lexgate.trust.binding.SenderBinding;
import org.lexgate.trust.directory.Party;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.DocumentVerifier;
import org.lexgate.trust.signature.SigningCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running lexgate node, assembled from its {@link NodeConfig}: the store, the broker, the Camel
 * routes (accept, processing, inbound queue, outbound delivery), the role handler and the endpoints.
 *
 * <p>Start-up order: store (migrated) → broker → keys → Camel context with its routes → role
 * handler → endpoints last, so nothing is accepted before the node can store and queue it.
 * {@link #close()} runs it backwards: stop accepting (endpoints, inbound queue), let in-flight
 * exchanges finish (Camel's graceful shutdown), close delivery, then the broker (after its
 * connection factory), the replay cache and the store.
 */
public final class Node implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    /** Processing-queue sessions kept for the SOAP endpoint's threads: one per worker (HopEndpoint's default). */
    private static final int SOAP_INTAKE_SESSIONS = HopEndpoint.DEFAULT_WORKERS;
    /** Processing-queue sessions kept for the inbound queue's consumers (QueueInboundRoute runs 2). */
    private static final int INBOUND_QUEUE_SESSIONS = 2;
    /**
     * Longest a routine request or routine processing waits while the emergency intake accepts a
     * request (§30): long enough for an emergency's acceptance on a loaded node, short enough that a
     * stream of emergencies slows routine traffic down without stopping it.
     */
    private static final Duration EMERGENCY_FIRST_MAX_WAIT = Duration.ofMillis(250);
    /**
     * Accepted messages whose typed form the intake hands to the processing step (AcceptedHandover):
     * enough for the backlog a saturated intake builds in a few seconds of small requests, and for a
     * 10 MB delivery; at most 16 MB of signed bytes (their typed form is of the same order).
     */
    private static final int HANDOVER_CAPACITY = 512;
    private static final long HANDOVER_MAX_BYTES = 16L << 20;

    private final NodeConfig config;
    private final PartyDirectory directory;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Store store;
    private Broker broker;
    private CamelContext camel;
    private OutboundDelivery delivery;
    private MessageSender sender;
    private RoleHandler roleHandler;
    private HopEndpoint soap;
    private EtsiHttpEndpoint etsiHttp;
    private EtsiHttpEndpoint emergencyIntake;
    private Destinations destinations;
    private DocumentSigner signer;
    private HopSetup hop;

    private Node(NodeConfig config, PartyDirectory directory) {
        this.config = config;
        this.directory = directory;
    }

    /** Starts a node with the roles of this build ({@link RoleFactory#roles()}). */
    public static Node start(NodeConfigLoader.Loaded loaded) throws Exception {
        return start(loaded, RoleFactory.roles());
    }

    /**
     * Starts a node with the given role handler factory.
     *
     * @throws Exception when any part cannot start; whatever had started is closed again
     */
    public static Node start(NodeConfigLoader.Loaded loaded, Function<RoleContext, RoleHandler> roles) throws Exception {
        Node node = new Node(loaded.config(), loaded.directory());
        try {
            node.startAll(Objects.requireNonNull(roles, "roles"));
            return node;
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    private void startAll(Function<RoleContext, RoleHandler> roles) throws Exception {
        PartyId self = config.identity();
        Files.createDirectories(config.dataDirectory());
        store = Store.open(storeSettings());
        broker = Broker.start(brokerSettings());
        Clock clock = Clock.systemUTC();

        Hi1Codec codec = Hi1Codec.builder().limits(config.limits().xml()).build();
        DocumentVerifier verifier = new DocumentVerifier();
        SenderBinding binding = new SenderBinding(directory);
        signer = new DocumentSigner(SigningCredential.fromPkcs12(config.signing().keystore(),
                config.signing().password(), config.signing().alias()));
        hop = HopSetup.of(config, directory);

        camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("lexgate-" + self);
        camel.getShutdownStrategy().setTimeout(30);
        camel.getShutdownStrategy().setLogInflightExchangesOnTimeout(true);
        ProducerTemplate producer = camel.createProducerTemplate();

        ReceiptVerifier receiptVerifier = new ReceiptVerifier(codec, verifier, binding, clock);
        delivery = OutboundDelivery.builder().camel(camel).connectionFactory(broker.connectionFactory())
                .receiptCheck(new StoreReceiptCheck(receiptVerifier, store.outbound()))
                .listener(new StoreDeliveryListener(store.outbound()))
                .start();
        destinations = new Destinations(directory, hop, delivery, deliveryPolicy(), config.hop().receiveTimeout());
        sender = new NodeMessageSender(self, signer, verifier, codec, directory, store.outbound(), destinations,
                delivery.dispatcher());
        addPendingDestinations();

        RoleHandler handler = roles.apply(new RoleContext(self, config.roles(), directory, store, sender, codec,
                config.dataDirectory(), config.roleSettings()));
        roleHandler = handler;
        ReceiptWriter receipts = new ReceiptWriter(self, signer, codec, new StoreQueryAnswers(store.objects()));
        String jms = OutboundDelivery.COMPONENT;
        ProcessingQueue processingQueue = new ProcessingQueue(Broker.clientFactory(broker.url(),
                broker.settings().user(), broker.settings().password()), intakeConcurrency());
        resources.add(processingQueue);
        AcceptedHandover handover = new AcceptedHandover(HANDOVER_CAPACITY, HANDOVER_MAX_BYTES);
        camel.addRoutes(new AcceptRoute(new InboundSteps(self, config.roles(), directory, codec, config.limits().xml(),
                verifier, binding, store.messages(), receipts, signer.credential().certificate(), processingQueue, handover, clock)));
        EmergencyFirst emergencyFirst = new EmergencyFirst(EMERGENCY_FIRST_MAX_WAIT);
        ProcessingRoute.addConsumerComponent(camel, broker.connectionFactory());
        camel.addRoutes(new ProcessingRoute(new ProcessingSteps(handler, store.messages(), store.audit(), emergencyFirst, codec, handover,
                jms, config.limits().processingConsumers(), config.retry().processingAttempts(),
                config.retry().initialDelay(), config.retry().maxDelay(), camel, producer)));
        InboundGate gate = new InboundGate(camel, producer, clock);
        Optional<String> inboundQueue = config.endpoints().inboundQueue();
        if (inboundQueue.isPresent()) {
            camel.addRoutes(new QueueInboundRoute(jms, inboundQueue.get(),
                    config.endpoints().effectiveReceiptQueue().orElseThrow(), gate));
        }
        camel.start();

        if (config.endpoints().soap().isPresent()) {
            JdbcReplayCache replay = new JdbcReplayCache(new AutoCommitDataSource(store.dataSource()),
                    hop.security().replayWindow());
            resources.add(replay);
            HopEndpoint.Builder endpoint = HopEndpoint.builder().address(bindable(config.endpoints().soap().get()))
                    .security(hop.security()).replayCache(replay)
                    .neighbours(HopSetup.anyParty(directory, self)).handler(new SoapInbound(gate));
            hop.tls().ifPresent(endpoint::tls);
            soap = endpoint.start();
        }
        long maxBytes = config.limits().xml().maxBytes();
        if (config.endpoints().etsiHttp().isPresent()) {
            etsiHttp = EtsiHttpEndpoint.start(listener(config.endpoints().etsiHttp().get()), gate, maxBytes, emergencyFirst);
        }
        if (config.endpoints().etsiHttpEmergency().isPresent()) {
            emergencyIntake = EtsiHttpEndpoint.startEmergencyIntake(listener(config.endpoints().etsiHttpEmergency().get()),
                    gate, maxBytes, emergencyFirst);
        }
        LOG.info("node {} started ({}): soap {}, etsi-http {}, emergency intake {}, queue {}; store {}, {}", self,
                config.roles(), soapAddress().map(URI::toString).orElse("-"),
                etsiHttpAddress().map(URI::toString).orElse("-"), emergencyIntakeAddress().map(URI::toString).orElse("-"),
                inboundQueue.orElse("-"), store.vendor(), broker.settings());
    }

    /** The SOAP hop endpoint's address (with the port actually bound), if it runs. */
    public Optional<URI> soapAddress() {
        return Optional.ofNullable(soap).map(HopEndpoint::address);
    }

    /** The ETSI HTTP POST endpoint's address (with the port actually bound), if it runs. */
    public Optional<URI> etsiHttpAddress() {
        return Optional.ofNullable(etsiHttp).map(EtsiHttpEndpoint::address);
    }

    /**
     * The emergency intake's address (with the port actually bound), if it runs: the ETSI HTTP POST
     * listener with workers of its own, for emergency requests (§30).
     */
    public Optional<URI> emergencyIntakeAddress() {
        return Optional.ofNullable(emergencyIntake).map(EtsiHttpEndpoint::address);
    }

    /**
     * Messages accepted and waiting for (or in) role processing, on both lanes; -1 when the broker
     * cannot say (an external broker). Counts update asynchronously.
     */
    public long processingBacklog() {
        if (broker == null || !broker.settings().isEmbedded()) {
            return -1;
        }
        return Math.max(0, broker.messageCount(ProcessingQueues.ROUTINE))
                + Math.max(0, broker.messageCount(ProcessingQueues.EMERGENCY));
    }

    public NodeConfig config() {
        return config;
    }

    public PartyDirectory directory() {
        return directory;
    }

    public Store store() {
        return store;
    }

    public Broker broker() {
        return broker;
    }

    public CamelContext camel() {
        return camel;
    }

    /** How the node's roles (and tests) send messages. */
    public MessageSender sender() {
        return sender;
    }

    /** The delivery of outbound messages (destinations, circuit state, dead letters). */
    public OutboundDelivery delivery() {
        return delivery;
    }

    /** The node's document signer. */
    public DocumentSigner signer() {
        return signer;
    }

    /**
     * Stops the node gracefully: the endpoints stop accepting, in-flight exchanges finish, then
     * delivery, the broker (connection factory first) and the store are closed. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        closeQuietly(soap, "SOAP endpoint");
        soap = null;
        closeQuietly(emergencyIntake, "ETSI HTTP emergency intake");
        emergencyIntake = null;
        closeQuietly(etsiHttp, "ETSI HTTP endpoint");
        etsiHttp = null;
        if (camel != null) {
            try {
                camel.getRouteController().stopRoute(QueueInboundRoute.ROUTE_ID);
            } catch (Exception e) {
                LOG.debug("inbound queue route: {}", e.toString());
            }
            closeQuietly(delivery, "outbound delivery");
            delivery = null;
            try {
                camel.stop();
            } catch (RuntimeException e) {
                LOG.warn("Camel did not stop cleanly: {}", e.toString());
            }
            camel = null;
        }
        // the roles' own threads (answer poller, follow-up clock) stop after the processing routes that call
        // the roles, and while the store and broker are still open
        closeQuietly(roleHandler, "role handler");
        roleHandler = null;
        for (AutoCloseable resource : resources) {
            closeQuietly(resource, "resource"); // the processing queue's connection factory before the broker
        }
        resources.clear();
        closeQuietly(broker, "broker");
        broker = null;
        closeQuietly(store, "store");
        store = null;
        LOG.info("node {} stopped", config.identity());
    }

    private StoreSettings storeSettings() {
        NodeConfig.Database db = config.database();
        StoreSettings settings = db.url().isPresent()
                ? StoreSettings.jdbc(db.url().get(), db.user().orElse(null),
                        db.password().length == 0 ? null : new String(db.password()))
                : StoreSettings.embedded(config.dataDirectory().resolve("db"));
        return db.schema().map(settings::withSchema).orElse(settings);
    }

    private BrokerSettings brokerSettings() {
        NodeConfig.Broker b = config.broker();
        if (b.embedded()) {
            return BrokerSettings.embedded(config.dataDirectory().resolve("broker"));
        }
        return BrokerSettings.external(b.url().get(), b.user().orElse(null),
                b.user().isPresent() ? new String(b.password()) : null);
    }

    private DeliveryPolicy deliveryPolicy() {
        NodeConfig.Retry retry = config.retry();
        return DeliveryPolicy.defaults().withBackoff(retry.deliveryAttempts() - 1, retry.initialDelay(), retry.maxDelay());
    }

    /** Destinations whose queues still hold messages (after a restart) get their routes now. */
    private void addPendingDestinations() {
        for (Party party : directory.parties()) {
            if (party.id().equals(config.identity()) || party.endpoints().soap().isEmpty()) {
                continue;
            }
            String name = party.id().toString();
            boolean pending;
            try {
                pending = !broker.settings().isEmbedded() || broker.messageCount(Queues.out(name, false)) > 0
                        || broker.messageCount(Queues.out(name, true)) > 0;
            } catch (IllegalArgumentException e) {
                continue; // not usable as a queue name: such a party can only be reached by forward()
            }
            if (pending) {
                destinations.ensure(party.id());
            }
        }
    }

    private static EtsiHttpEndpoint.Listener listener(NodeConfig.HttpListener l) {
        return new EtsiHttpEndpoint.Listener(l.address(), l.workers(), l.backlog());
    }

    /**
     * How many intake threads may put accepted messages on the processing queue at once: both ETSI
     * HTTP listeners' workers, the inbound queue's consumers, and room for the SOAP endpoint's.
     */
    private int intakeConcurrency() {
        NodeConfig.Endpoints e = config.endpoints();
        return e.etsiHttp().map(NodeConfig.HttpListener::workers).orElse(0)
                + e.etsiHttpEmergency().map(NodeConfig.HttpListener::workers).orElse(0)
                + (e.inboundQueue().isPresent() ? INBOUND_QUEUE_SESSIONS : 0)
                + (e.soap().isPresent() ? SOAP_INTAKE_SESSIONS : 0)
                + 1;
    }

    /** Port 0 means "any free port": CXF needs a real one, so one is picked here. */
    private static URI bindable(URI address) throws IOException {
        if (address.getPort() != 0) {
            return address;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return URI.create(address.getScheme() + "://" + address.getHost() + ":" + socket.getLocalPort()
                    + address.getRawPath());
        }
    }

    private static void closeQuietly(AutoCloseable resource, String what) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("{} did not close cleanly: {}", what, e.toString());
        }
    }
}
