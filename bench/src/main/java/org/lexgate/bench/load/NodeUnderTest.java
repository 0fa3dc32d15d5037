package org.lexgate.bench.load;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The node the load generator drives: started in this JVM from the gateway's node assembly, or
 * already running elsewhere ({@code --url}). Either way it must trust the benchmark's test PKI
 * (its party directory lists XA-AGENCY with the fixture's certificates).
 */
public interface NodeUnderTest extends AutoCloseable {

    /** Where senders POST bare signed messages (ETSI's binding). */
    URI etsiPostAddress();

    /** Its emergency intake (ETSI POST with workers of its own), when it has one. */
    default Optional<URI> emergencyIntakeAddress() {
        return Optional.empty();
    }

    /** Its SOAP hop endpoint, when it has one and the benchmark may use it. */
    default Optional<URI> soapAddress() {
        return Optional.empty();
    }

    /**
     * Messages the node has accepted but not yet processed (both processing lanes, as its embedded
     * broker counts them); empty when the benchmark cannot see them (a node started elsewhere).
     */
    default OptionalLong processingBacklog() {
        return OptionalLong.empty();
    }

    /** What the report says about the node: how it was started, its stores, its version. */
    String description();

    @Override
    void close() throws Exception;

    /** A node someone else started; {@code emergencyUrl} is its emergency intake, if known. */
    static NodeUnderTest external(URI url, URI emergencyUrl) {
        return new NodeUnderTest() {
            @Override
            public URI etsiPostAddress() {
                return url;
            }

            @Override
            public Optional<URI> emergencyIntakeAddress() {
                return Optional.ofNullable(emergencyUrl);
            }

            @Override
            public String description() {
                return "running node at " + url + (emergencyUrl == null ? "" : ", emergency intake " + emergencyUrl)
                        + " (started outside the benchmark)";
            }

            @Override
            public void close() {
            }
        };
    }
}
