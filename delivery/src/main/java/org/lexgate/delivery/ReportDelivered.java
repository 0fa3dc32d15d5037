package org.lexgate.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the node's {@link DeliveryListener} that the message was delivered, as the last step inside
 * the queue transaction: the message leaves its queue only once the node has recorded the outcome
 * (nothing lost across a crash; at worst the send is repeated and the receiver's duplicate check
 * answers with the original receipt).
 */
final class ReportDelivered implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDelivered.class);

    private final DeliveryListener listener;

    ReportDelivered(DeliveryListener listener) {
        this.listener = listener;
    }

    @Override
    public void process(Exchange exchange) {
        OutboundMessage message = ReadOwnHeaders.message(exchange);
        int attempts = exchange.getProperty(SendSigned.ATTEMPTS, 1, Integer.class);
        listener.delivered(message, exchange.getMessage().getBody(byte[].class), attempts);
        LOG.info("delivered {} (attempts: {})", message, attempts);
    }
}
