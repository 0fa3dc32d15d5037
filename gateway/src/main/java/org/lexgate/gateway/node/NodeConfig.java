package org.lexgate.gateway.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lexgate.message.xml.XmlLimits;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.Role;

/**
 * One node's configuration, as read and checked by {@link NodeConfigLoader} from the XML file whose
 * schema ({@code node-config.xsd}) documents every setting and its default. Paths are absolute;
 * passwords have been read from the environment variables the file names.
 *
 * @param source the configuration file
 * @param identity this node's party id
 * @param roles the roles it holds (from the file, else from the directory)
 * @param directory the party directory file
 * @param dataDirectory the data folder
 * @param signing the document signing key
 * @param hop the SOAP hop keys and rules
 * @param database where the record is kept
 * @param broker where work in flight is kept
 * @param endpoints where messages are received
 * @param limits limits on untrusted input and concurrency
 * @param retry retries of transient failures
 * @param roleSettings free settings for the role handlers
 */
public record NodeConfig(
        Path source,
        PartyId identity,
        Set<Role> roles,
        Path directory,
        Path dataDirectory,
        KeyEntry signing,
        Hop hop,
        Database database,
        Broker broker,
        Endpoints endpoints,
        Limits limits,
        Retry retry,
        Map<String, String> roleSettings) {

    public NodeConfig {
        Objects.requireNonNull(identity, "identity");
        roles = Set.copyOf(roles);
        roleSettings = Map.copyOf(roleSettings);
    }

    /** A PKCS#12 key entry (key password = keystore password). */
    public record KeyEntry(Path keystore, String alias, char[] password) {
        @Override
        public String toString() {
            return keystore + "#" + alias;
        }
    }

    /** TLS on the SOAP hop endpoint. */
    public enum Tls { NONE, TLS, MUTUAL }

    /**
     * The SOAP hop.
     *
     * @param key the hop signing key
     * @param trustAnchors a .p12 truststore or PEM file; empty: the directory's trust anchors
     * @param trustAnchorsPassword the .p12 truststore's password
     */
    public record Hop(KeyEntry key, Optional<Path> trustAnchors, char[] trustAnchorsPassword,
            Duration timestampTtl, Duration clockSkew, Duration receiveTimeout, Tls tls) {
    }

    /** The database: an empty URL means the embedded H2 file {@code DATA/db/lexgate}. */
    public record Database(Optional<String> url, Optional<String> user, char[] password, Optional<String> schema) {
    }

    /** The broker: an empty URL means the embedded Artemis broker with its journal in {@code DATA/broker}. */
    public record Broker(Optional<String> url, Optional<String> user, char[] password) {
        public boolean embedded() {
            return url.isEmpty();
        }
    }

    /**
     * Where messages are received; an empty optional is an endpoint that is not started.
     *
     * @param etsiHttp the routine ETSI HTTP POST endpoint
     * @param etsiHttpEmergency the emergency intake: a second ETSI HTTP POST listener with its own
     *                          workers (§30), on by default beside {@code etsiHttp}
     */
    public record Endpoints(Optional<URI> soap, Optional<HttpListener> etsiHttp,
            Optional<HttpListener> etsiHttpEmergency, Optional<String> inboundQueue, Optional<String> receiptQueue) {

        /** The queue receipts of queue messages without JMSReplyTo go to. */
        public Optional<String> effectiveReceiptQueue() {
            return receiptQueue.or(() -> inboundQueue.map(q -> q + ".receipts"));
        }
    }

    /**
     * An HTTP listener.
     *
     * @param address where it listens (port 0 picks a free port)
     * @param workers requests it serves at once; the rest wait for a worker in arrival order
     * @param backlog connections the operating system queues before the listener accepts them
     */
    public record HttpListener(URI address, int workers, int backlog) {
        public HttpListener {
            Objects.requireNonNull(address, "address");
        }
    }

    /** Limits on untrusted input and on concurrency. */
    public record Limits(XmlLimits xml, int processingConsumers) {
    }

    /** Retries: role processing here, outbound attempts for the delivery module. */
    public record Retry(int processingAttempts, Duration initialDelay, Duration maxDelay, int deliveryAttempts) {
    }
}
