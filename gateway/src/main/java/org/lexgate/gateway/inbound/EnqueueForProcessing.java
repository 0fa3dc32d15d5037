package org.lexgate.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Rule: role processing happens after the sender holds its receipt, from a durable queue, on the
 * emergency lane first for IsEmergency or High priority (§30, §34). The queued message carries the
 * store id only, so nothing from the inbound exchange travels on. A duplicate is queued again under
 * the same Artemis duplicate id: if the node stopped between storing and queuing the original, the
 * sender's retry heals it; if not, the broker keeps the first copy only (and role handlers are
 * idempotent per message id anyway).
 */
final class EnqueueForProcessing implements Processor {

    private final ProcessingQueue queue;

    EnqueueForProcessing(ProcessingQueue queue) {
        this.queue = queue;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        InboundState state = InboundState.of(exchange);
        queue.enqueue(state.messageId, state.emergency);
    }
}
