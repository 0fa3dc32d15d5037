package org.lexgate.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.lexgate.message.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a message that is given up for the dead-letter queue: a permanent failure at once, a
 * transient one once the destination's retry limit is spent. The queued message is the exact
 * signed bytes with lexgate's own properties plus the reason, code, time and attempts, so an
 * operator can list it and resend it unchanged. The {@link DeliveryListener} hears of it first,
 * inside the same transaction as the move.
 */
final class MoveToDeadLetters implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(MoveToDeadLetters.class);

    private final String party;
    private final boolean emergency;
    private final DeliveryListener listener;

    MoveToDeadLetters(String party, boolean emergency, DeliveryListener listener) {
        this.party = party;
        this.emergency = emergency;
        this.listener = listener;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int code;
        String reason;
        if (failure instanceof DeliveryException e) {
            code = e.code();
            reason = (e instanceof TransientDeliveryException ? "gave up: " : "") + e.reason();
        } else {
            code = ErrorCode.DELIVERY_FAILED.code();
            reason = DeliveryException.oneLine(String.valueOf(failure));
        }
        int attempts = exchange.getProperty(SendSigned.ATTEMPTS, 0, Integer.class);
        OutboundMessage message = exchange.getProperty(ReadOwnHeaders.MESSAGE, OutboundMessage.class);
        if (message != null) {
            listener.deadLettered(message, reason, code, attempts);
        }
        String id = exchange.getProperty(OutboundHeaders.MESSAGE_ID, "(none)", String.class);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setBody(exchange.getProperty(SendSigned.SIGNED, byte[].class));
        out.setHeader(OutboundHeaders.MESSAGE_ID, id);
        out.setHeader(OutboundHeaders.DESTINATION, party);
        out.setHeader(OutboundHeaders.EMERGENCY, emergency);
        out.setHeader(OutboundHeaders.DEAD_REASON, reason);
        out.setHeader(OutboundHeaders.DEAD_CODE, code);
        out.setHeader(OutboundHeaders.DEAD_AT, System.currentTimeMillis());
        out.setHeader(OutboundHeaders.ATTEMPTS, attempts);
        LOG.warn("dead-lettered message {} to {}: {} {} (attempts: {})", id, party, code, reason, attempts);
    }
}
