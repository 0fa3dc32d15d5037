package org.lexgate.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message that could not be handled now for a reason that is not the message's fault (the
 * partner's circuit is open, or the node itself failed) is neither sent nor dead-lettered: the
 * queue transaction rolls back, the message stays on its queue, and the broker offers it again
 * after its doubling redelivery delay.
 */
final class KeepQueued implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(KeepQueued.class);

    private final String party;

    KeepQueued(String party) {
        this.party = party;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String id = exchange.getProperty(OutboundHeaders.MESSAGE_ID, "(none)", String.class);
        if (failure instanceof CircuitOpenException) {
            LOG.debug("circuit open for {}: message {} stays queued", party, id);
        } else {
            LOG.warn("message {} to {} stays queued after a failure of this node: {}", id, party,
                    DeliveryException.oneLine(String.valueOf(failure)));
        }
    }
}
