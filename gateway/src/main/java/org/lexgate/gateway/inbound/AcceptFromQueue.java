package org.lexgate.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;

/**
 * The queue channel's entry: "a queue is never trusted more than a socket" (DESIGN.md). Only the
 * body (the signed HI1Message, a bytes message) is taken; every JMS and Camel header is dropped —
 * JMSReplyTo too, so a queue writer cannot steer receipts onto other queues. The broker's message id
 * is kept only to be echoed as the receipt's correlation id. The message then runs through the
 * {@link AcceptRoute} like any other.
 */
final class AcceptFromQueue implements Processor {

    /** Exchange property: the {@link InboundResult}. */
    static final String RESULT = "lexgate.inbound.result";
    /** Exchange property: the JMSMessageID of the message, for the receipt's correlation id. */
    static final String CORRELATION = "lexgate.inbound.correlation";

    private final InboundGate gate;

    AcceptFromQueue(InboundGate gate) {
        this.gate = gate;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        byte[] body = in.getBody(byte[].class);
        String correlation = in.getHeader("JMSMessageID", String.class);
        in.removeHeaders("*");
        exchange.setProperty(CORRELATION, correlation);
        InboundResult result = body == null || body.length == 0
                ? new InboundResult.Refused(new MessageRejectedException(ErrorCode.MISSING_INFORMATION,
                        "queue message without a body"), java.util.Optional.empty())
                : gate.accept(Channel.QUEUE, body, null);
        exchange.setProperty(RESULT, result);
    }
}
