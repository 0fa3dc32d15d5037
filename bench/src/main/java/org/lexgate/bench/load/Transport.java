package org.lexgate.bench.load;

/** How a sender hands a signed message to the node under test and gets its signed receipt back. */
public interface Transport extends AutoCloseable {

    /** What came back. {@code receipt} is the body of an accepted message, else null. */
    record Outcome(boolean accepted, int status, byte[] receipt) {
    }

    /** Submits one signed message and waits for the node's answer. */
    Outcome submit(byte[] signed) throws Exception;

    /** A short name for the report: "etsi-post", "soap-hop". */
    String name();

    @Override
    default void close() {
    }
}
