package org.lexgate.bench.load;

import java.net.URI;

/**
 * The node the load generator drives: started in this JVM from the gateway's node assembly, or
 * already running elsewhere ({@code --url}). Either way it must trust the benchmark's test PKI
 * (its party directory lists XA-AGENCY with the fixture's certificates).
 */
public interface NodeUnderTest extends AutoCloseable {

    /** Where senders POST bare signed messages (ETSI's binding). */
    URI etsiPostAddress();

    /** Its SOAP hop endpoint, when it has one and the benchmark may use it. */
    default java.util.Optional<URI> soapAddress() {
        return java.util.Optional.empty();
    }

    /** What the report says about the node: how it was started, its stores, its version. */
    String description();

    @Override
    void close() throws Exception;

    /** A node someone else started. */
    static NodeUnderTest external(URI url) {
        return new NodeUnderTest() {
            @Override
            public URI etsiPostAddress() {
                return url;
            }

            @Override
            public String description() {
                return "running node at " + url + " (started outside the benchmark)";
            }

            @Override
            public void close() {
            }
        };
    }
}
