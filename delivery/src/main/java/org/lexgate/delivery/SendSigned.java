package org.lexgate.delivery;

import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.message.ErrorCode;
import org.lexgate.soap.HopClient;
import org.lexgate.soap.HopException;

/**
 * Sends the exact signed bytes to the destination over the signed SOAP hop and keeps the receipt
 * bytes as the message body. Enforces: a partner whose circuit is open is not called at all (the
 * message stays queued); a failure that may go away (unreachable, or {@link HopException#retryable()})
 * is transient and counts against the circuit; a refusal from the peer, or an answer that fails the
 * hop checks, is permanent. Sending again is safe: the receiver answers a message it already has
 * with its original receipt (DESIGN.md "Nothing lost, nothing twice").
 */
final class SendSigned implements Processor {

    /** Exchange property: sends tried in this delivery. */
    static final String ATTEMPTS = "lexgate.attempts";
    /** Exchange property: the exact signed bytes (the body becomes the receipt). */
    static final String SIGNED = "lexgate.signed";

    private final String party;
    private final HopClient client;
    private final CircuitBreaker breaker;

    SendSigned(String party, HopClient client, CircuitBreaker breaker) {
        this.party = party;
        this.client = client;
        this.breaker = breaker;
    }

    @Override
    public void process(Exchange exchange) throws DeliveryException {
        OutboundMessage message = ReadOwnHeaders.message(exchange);
        if (!breaker.tryAcquirePermission()) {
            throw new CircuitOpenException(party);
        }
        exchange.setProperty(ATTEMPTS, exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1);
        long start = System.nanoTime();
        byte[] receipt;
        try {
            receipt = client.submit(message.signed());
        } catch (HopException e) {
            long took = System.nanoTime() - start;
            if (e.kind() == HopException.Kind.UNREACHABLE || e.retryable()) {
                breaker.onError(took, TimeUnit.NANOSECONDS, e);
                throw new TransientDeliveryException(e.code(), party + " " + e.kind() + ": " + e.safeText(), e);
            }
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            throw new PermanentDeliveryException(e.code(), party + " " + e.kind() + ": " + e.safeText(), e);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw new TransientDeliveryException(ErrorCode.DELIVERY_FAILED.code(), party + ": " + e, e);
        }
        breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        exchange.getMessage().setBody(receipt);
    }
}
