package org.lexgate.delivery;

/**
 * The partner's circuit breaker is open: nothing was sent. The message goes back to its queue
 * (the transaction rolls back) and the broker offers it again after its redelivery delay; it is
 * never dead-lettered for this.
 */
final class CircuitOpenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CircuitOpenException(String party) {
        super("circuit open for " + party + ": message stays queued", null, false, false);
    }
}
