package org.lexgate.delivery;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;

/**
 * Queues signed messages for delivery. Each message goes to its destination's routine or emergency
 * queue as a persistent JMS message carrying the exact signed bytes and lexgate's own properties
 * only ({@link OutboundHeaders}); the exchange is built fresh and sent InOnly (STACK.md pitfall 8),
 * so no Camel, JMS, CXF or HTTP header of the caller's exchange travels with it.
 *
 * <p>Thread-safe. {@link #enqueue} returns once the broker has the message durably (persistent
 * send, blocking on the broker's confirmation).
 */
public final class OutboundDispatcher {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Set<String> destinations;

    OutboundDispatcher(CamelContext camel, ProducerTemplate producer, Set<String> destinations) {
        this.camel = camel;
        this.producer = producer;
        this.destinations = destinations;
    }

    /**
     * Queues one signed message.
     *
     * @param destination the party id it goes to; must be a configured destination
     * @param signed      the exact signed bytes
     * @param emergency   true for the emergency lane (IsEmergency, or High priority)
     * @param messageId   the node's id for the message (TransactionIdentifier or store key)
     * @throws IllegalArgumentException when the destination is not configured
     * @throws IllegalStateException    when the broker did not take the message (it is not queued)
     */
    public void enqueue(String destination, byte[] signed, boolean emergency, String messageId) {
        OutboundMessage message = new OutboundMessage(messageId, destination, emergency, signed);
        if (!destinations.contains(destination)) {
            throw new IllegalArgumentException("not a configured destination: " + destination);
        }
        Exchange exchange = ExchangeBuilder.anExchange(camel)
                .withPattern(ExchangePattern.InOnly)
                .withBody(message.signed())
                .withHeader(OutboundHeaders.MESSAGE_ID, message.messageId())
                .withHeader(OutboundHeaders.DESTINATION, message.destination())
                .withHeader(OutboundHeaders.EMERGENCY, message.emergency())
                .withHeader(OutboundHeaders.ENQUEUED_AT, System.currentTimeMillis())
                .build();
        Exchange done = producer.send(OutboundDelivery.COMPONENT + ":queue:" + Queues.out(destination, emergency)
                + "?exchangePattern=InOnly", exchange);
        if (done.getException() != null) {
            throw new IllegalStateException("could not queue " + message + ": " + done.getException().getMessage(),
                    done.getException());
        }
    }
}
