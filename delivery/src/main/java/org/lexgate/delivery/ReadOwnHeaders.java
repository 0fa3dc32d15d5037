package org.lexgate.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.lexgate.message.ErrorCode;

/**
 * Reads a queued message into an {@link OutboundMessage} from lexgate's own properties only
 * ({@link OutboundHeaders}) and drops every other header, so nothing Camel, JMS or a sender put on
 * the message travels on or steers the route (DESIGN.md: a queue is never trusted more than a
 * socket). A message without an id, or queued for another destination than this route's, is
 * permanently undeliverable.
 */
final class ReadOwnHeaders implements Processor {

    /** Exchange property holding the {@link OutboundMessage}. */
    static final String MESSAGE = "lexgate.outbound";

    private final String party;
    private final boolean emergency;

    ReadOwnHeaders(String party, boolean emergency) {
        this.party = party;
        this.emergency = emergency;
    }

    @Override
    public void process(Exchange exchange) throws PermanentDeliveryException {
        Message in = exchange.getMessage();
        byte[] body = in.getBody(byte[].class);
        String id = in.getHeader(OutboundHeaders.MESSAGE_ID, String.class);
        String destination = in.getHeader(OutboundHeaders.DESTINATION, String.class);
        in.removeHeaders("*");
        // What the dead-letter step needs even when the message itself is unusable.
        exchange.setProperty(SendSigned.SIGNED, body == null ? new byte[0] : body);
        exchange.setProperty(OutboundHeaders.MESSAGE_ID, id == null ? "(none)" : id);
        if (id == null || id.isBlank() || body == null || body.length == 0) {
            throw new PermanentDeliveryException(ErrorCode.MISSING_INFORMATION.code(),
                    "queued message without id or body");
        }
        if (!party.equals(destination)) {
            throw new PermanentDeliveryException(ErrorCode.MISSING_INFORMATION.code(),
                    "queued for " + destination + " on the queue of " + party);
        }
        exchange.setProperty(MESSAGE, new OutboundMessage(id, party, emergency, body));
    }

    /** The message read by this step (fails if the step did not run). */
    static OutboundMessage message(Exchange exchange) {
        OutboundMessage message = exchange.getProperty(MESSAGE, OutboundMessage.class);
        if (message == null) {
            throw new IllegalStateException("ReadOwnHeaders did not run");
        }
        return message;
    }
}
