package org.lexgate.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;

/**
 * Rule: what a node accepts is a request ({@code RequestPayload}); an ETSI response is only ever the
 * synchronous answer to a request and is never accepted as a message of its own (3013
 * INVALID_ACTION). Answers that travel later do so as requests: DELIVER, or CREATE of a
 * NotificationObject (§53, §57).
 */
final class RequireRequest implements Processor {

    @Override
    public void process(Exchange exchange) throws MessageRejectedException {
        HI1Message message = InboundState.of(exchange).message;
        if (message.getPayload() == null || message.getPayload().getRequestPayload() == null) {
            throw new MessageRejectedException(ErrorCode.INVALID_ACTION, "a response payload sent as a message");
        }
    }
}
