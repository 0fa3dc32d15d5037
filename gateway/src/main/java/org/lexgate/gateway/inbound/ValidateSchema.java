package org.lexgate.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;

/**
 * Rule: a message is an ETSI TS 103 120 {@code HI1Message} of lexgate's profile — root namespace
 * (9010), supported objects only (3001, 9011), schema and lexical rules (3002, 9012–9014), known
 * dictionary values (3010). Serves §26 and §53 (a standard request and response format).
 */
final class ValidateSchema implements Processor {

    private final Hi1Codec codec;

    ValidateSchema(Hi1Codec codec) {
        this.codec = codec;
    }

    @Override
    public void process(Exchange exchange) throws MessageRejectedException {
        codec.check(InboundState.of(exchange).parsed);
    }
}
