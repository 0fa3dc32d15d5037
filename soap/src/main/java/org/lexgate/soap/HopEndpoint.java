package org.lexgate.soap;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.apache.wss4j.common.cache.ReplayCache;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.lexgate.wsdl.generated.Hi1Hop;
import org.lexgate.wsdl.generated.Hi1HopService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the HI-1 hop service (WSDL and policy from the {@code wsdl} module) on one address.
 * Every request must pass, in this order: WS-Security with the WSDL's policy (X.509 signature that
 * chains to the hop truststore, signed Timestamp with Expires within TTL and clock skew, signed
 * Body, no replay — {@link JdbcReplayCache} keeps that across restarts), then the
 * {@link NeighbourPolicy}; only then does the {@link HopHandler} get the exact message bytes. Its
 * receipt goes back signed by this node's hop key. Each refusal is a fault with one lexgate code
 * and its safe text ({@link HopFailures}).
 *
 * <p>Each endpoint runs on its own CXF bus (and Jetty engine), so {@link #close()} frees its port.
 * Its Jetty pool is sized for {@link Builder#workers(int) workers} requests at once (default two per
 * core), not Jetty's 200: the WS-Security work of a request is CPU-bound, so more threads than
 * cores accept no faster, and each one beyond takes CPU from the node's processing of what it has
 * already accepted (under saturation the processing fell behind by ~80 messages a second with
 * Jetty's pool; see docs/benchmarks.md). Further requests wait for a thread in arrival order.
 *
 * <pre>{@code
 * HopEndpoint endpoint = HopEndpoint.builder()
 *         .address(URI.create("https://0.0.0.0:8443/lexgate/hop"))
 *         .security(HopSecurity.of(keys))
 *         .replayCache(JdbcReplayCache.h2File(dataDir.resolve("hop-replay"), security.replayWindow()))
 *         .neighbours(directory::checkHopSigner)
 *         .handler(delivery -> pipeline.receive(delivery))
 *         .tls(HopTls.mutual(keys))          // optional; needs an https address
 *         .start();
 * }</pre>
 */
public final class HopEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HopEndpoint.class);

    /** Requests an endpoint serves at once unless told otherwise: two per core, at least 2. */
    public static final int DEFAULT_WORKERS = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

    private final URI address;
    private final Bus bus;
    private final Server server;

    private HopEndpoint(URI address, Bus bus, Server server) {
        this.address = address;
        this.bus = bus;
        this.server = server;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the service is published on. */
    public URI address() {
        return address;
    }

    /** Stops the service and frees its port. The replay cache stays open: it belongs to the caller. */
    @Override
    public void close() {
        try {
            server.destroy();
        } finally {
            bus.shutdown(true);
        }
        LOG.info("hop endpoint stopped: {}", address);
    }

    /** Builds and starts a {@link HopEndpoint}. Every setting but {@code tls} and {@code workers} is required. */
    public static final class Builder {

        private int workers = DEFAULT_WORKERS;
        private URI address;
        private HopSecurity security;
        private ReplayCache replayCache;
        private NeighbourPolicy neighbours;
        private HopHandler handler;
        private HopTls tls;

        private Builder() {
        }

        /** Where to publish, e.g. {@code https://0.0.0.0:8443/lexgate/hop}. */
        public Builder address(URI address) {
            this.address = address;
            return this;
        }

        /** This node's hop keys and the Timestamp rules. */
        public Builder security(HopSecurity security) {
            this.security = security;
            return this;
        }

        /** Where seen messages are remembered; use a persistent one such as {@link JdbcReplayCache}. */
        public Builder replayCache(ReplayCache replayCache) {
            this.replayCache = replayCache;
            return this;
        }

        /** Which verified hop signers are neighbours of this endpoint. */
        public Builder neighbours(NeighbourPolicy neighbours) {
            this.neighbours = neighbours;
            return this;
        }

        /** What to do with a verified message. */
        public Builder handler(HopHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * The threads Jetty's connector takes from the pool for itself (its defaults for a pool of
         * this size: acceptors {@code max(1, min(4, cores / 8))}, selectors
         * {@code max(1, min(cores / 2, maxThreads / 16))}), so that {@code workers} remain for requests.
         */
        static int jettyOwnThreads(int cores, int workers) {
            int acceptors = Math.max(1, Math.min(4, cores / 8));
            int selectors = Math.max(1, Math.min(cores / 2, (acceptors + 1 + workers) / 16));
            return acceptors + selectors;
        }

        /**
         * Requests served at once (default two per core, at least 2); the rest wait for a thread in
         * arrival order. Not 1: with a single worker, Jetty served no request at all while eight
         * were waiting (seen in {@code HopWorkersTest}).
         */
        public Builder workers(int workers) {
            if (workers < 2) {
                throw new IllegalArgumentException("a hop endpoint needs at least 2 workers, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Optional TLS (with an https address); {@link HopTls#mutual} asks clients for a certificate. */
        public Builder tls(HopTls tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Starts the endpoint.
         *
         * @throws IllegalArgumentException when a setting is missing or the keys cannot be used
         */
        public HopEndpoint start() {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(replayCache, "replayCache");
            Objects.requireNonNull(neighbours, "neighbours");
            Objects.requireNonNull(handler, "handler");
            boolean https = "https".equalsIgnoreCase(address.getScheme());
            if (https != (tls != null)) {
                throw new IllegalArgumentException("hop endpoint " + address
                        + ": an https address needs TLS settings, and TLS settings need an https address");
            }
            security.keys().check();

            Bus bus = BusFactory.newInstance().createBus();
            try {
                JettyHTTPServerEngineFactory engines = bus.getExtension(JettyHTTPServerEngineFactory.class);
                if (tls != null) {
                    engines.setTLSServerParametersForPort(address.getHost(), address.getPort(), tls.serverParameters());
                }
                int own = jettyOwnThreads(Runtime.getRuntime().availableProcessors(), workers);
                QueuedThreadPool pool = new QueuedThreadPool(own + workers, own + 1);
                pool.setReservedThreads(0); // no thread parked for the selector's next task: all workers serve requests
                pool.setName("lexgate-soap-" + address.getPort());
                engines.createJettyHTTPServerEngine(address.getHost(), address.getPort(), address.getScheme())
                        .setThreadPool(pool);
                Map<String, Object> properties = security.cxfProperties(replayCache);
                properties.put(FaultListener.class.getName(), new HopFaultListener());

                JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
                factory.setBus(bus);
                factory.setServiceClass(Hi1Hop.class);
                factory.setServiceBean(new HopService(neighbours, handler));
                factory.setWsdlLocation(HopWsdl.LOCATION);
                factory.setServiceName(Hi1HopService.SERVICE);
                factory.setEndpointName(Hi1HopService.Hi1HopPort);
                factory.setAddress(address.toString());
                factory.setProperties(properties);
                Server server = factory.create();
                LOG.info("hop endpoint started: {}{}", address, tls == null ? "" : tls.requireClientCertificate()
                        ? " (mutual TLS)" : " (TLS)");
                return new HopEndpoint(address, bus, server);
            } catch (RuntimeException | java.security.GeneralSecurityException | java.io.IOException e) {
                bus.shutdown(true);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalArgumentException("hop endpoint " + address + ": " + e.getMessage(), e);
            }
        }
    }
}
