package org.lexgate.gateway.inbound;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;

/**
 * Rule: role processing happens after the sender holds its receipt, from a durable queue, on the
 * emergency lane first for IsEmergency or High priority (§30, §34). The queued message is built
 * fresh and sent InOnly (STACK.md pitfall 8) with the store id as its only property, so nothing from
 * the inbound exchange travels on. A duplicate is queued again under the same Artemis duplicate id:
 * if the node stopped between storing and queuing the original, the sender's retry heals it; if not,
 * the broker drops the copy (and role handlers are idempotent per message id anyway).
 */
final class EnqueueForProcessing implements Processor {

    private final String jmsComponent;
    private final CamelContext camel;
    private final ProducerTemplate producer;

    EnqueueForProcessing(String jmsComponent, CamelContext camel, ProducerTemplate producer) {
        this.jmsComponent = jmsComponent;
        this.camel = camel;
        this.producer = producer;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        InboundState state = InboundState.of(exchange);
        Exchange queued = ExchangeBuilder.anExchange(camel)
                .withPattern(ExchangePattern.InOnly)
                .withBody(state.messageId)
                .withHeader(ProcessingQueues.MESSAGE_ID, state.messageId)
                .withHeader(ProcessingQueues.ARTEMIS_DUPLICATE_ID, "processing-" + state.messageId)
                .build();
        Exchange done = producer.send(jmsComponent + ":queue:" + ProcessingQueues.of(state.emergency)
                + "?exchangePattern=InOnly", queued);
        if (done.getException() != null) {
            throw done.getException();
        }
    }
}
