package org.lexgate.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.xml.HardenedXml;
import org.lexgate.message.xml.XmlLimits;

/**
 * Rule: untrusted bytes become a DOM only through the hardened parser, within the node's limits —
 * size (3022), depth, elements, attributes, text (9006–9009), no DOCTYPE, entities or XInclude
 * (9002–9005), well-formed (9001). Serves §51 (a provider must be able to check what it receives
 * without putting its systems at risk).
 */
final class ParseWithLimits implements Processor {

    private final XmlLimits limits;

    ParseWithLimits(XmlLimits limits) {
        this.limits = limits;
    }

    @Override
    public void process(Exchange exchange) throws MessageRejectedException {
        InboundState state = InboundState.of(exchange);
        state.parsed = state.body.isArray() ? HardenedXml.parse(state.body.toArray(), limits)
                : HardenedXml.parse(state.body.stream(), state.body.length(), limits); // pieces: not joined
    }
}
