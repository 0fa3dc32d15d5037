package org.lexgate.gateway.inbound;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Artemis queue channel (DESIGN.md "Transports"): signed HI1Messages put on this node's inbound
 * queue by a neighbour that shares the broker (or a bridge) or by a local system. Consumed in a JMS
 * transaction: the message leaves the queue only when it was accepted and its receipt queued, or
 * refused for good and its signed ErrorInformation queued.
 */
public final class QueueInboundRoute extends RouteBuilder {

    public static final String ROUTE_ID = "lexgate-inbound-queue";

    private final String jmsComponent;
    private final String inboundQueue;
    private final String receiptQueue;
    private final InboundGate gate;

    public QueueInboundRoute(String jmsComponent, String inboundQueue, String receiptQueue, InboundGate gate) {
        this.jmsComponent = jmsComponent;
        this.inboundQueue = inboundQueue;
        this.receiptQueue = receiptQueue;
        this.gate = gate;
    }

    @Override
    public void configure() {
        // A rollback (node fault, 3019) is expected to heal: one line, the broker redelivers.
        onException(Exception.class).handled(false).logExhausted(false).logStackTrace(false)
                .log(LoggingLevel.WARN, "org.lexgate.gateway.inbound.queue",
                        "inbound queue message rolled back: ${exception.message}");

        from(jmsComponent + ":queue:" + inboundQueue + "?disableReplyTo=true&concurrentConsumers=2")
                .routeId(ROUTE_ID)
                .process(new AcceptFromQueue(gate)).id("AcceptFromQueue")
                .process(new ReplyToQueue(jmsComponent, receiptQueue, getContext(), getContext().createProducerTemplate()))
                .id("ReplyToQueue");
    }
}
