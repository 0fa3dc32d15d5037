package org.lexgate.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Rule: "Camel's and JMS's own headers from outside are never trusted or passed on" (issue 4 item 2;
 * DESIGN.md: a queue is never trusted more than a socket). Every header that came with the message is
 * dropped at the entry of each route; what the node needs travels in its own exchange property.
 */
final class StripExternalHeaders implements Processor {

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().removeHeaders("*");
    }
}
