package org.lexgate.gateway.inbound;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.store.MessageStore;
import org.lexgate.store.StoredMessage;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.signature.DocumentVerifier;
import org.lexgate.trust.signature.VerifiedDocument;

/**
 * Rule: "every node that acts on a message verifies it, and acts only on the bytes it verified"
 * (DESIGN.md "Two layers of signatures"). The processing queue carries only the store id (every
 * other header is dropped); the message is read from the store — the record — and its document
 * signature checked again on those exact bytes before the typed message is bound for the role
 * handler. An id the store does not know is refused for good.
 */
final class LoadAccepted implements Processor {

    /** Exchange property holding the {@link AcceptedInbound}. */
    static final String ACCEPTED = "lexgate.accepted";

    private final MessageStore messages;
    private final DocumentVerifier verifier;
    private final Hi1Codec codec;

    LoadAccepted(MessageStore messages, DocumentVerifier verifier, Hi1Codec codec) {
        this.messages = messages;
        this.verifier = verifier;
        this.codec = codec;
    }

    @Override
    public void process(Exchange exchange) throws MessageRejectedException {
        Message in = exchange.getMessage();
        String id = in.getHeader(ProcessingQueues.MESSAGE_ID, String.class);
        in.removeHeaders("*");
        exchange.setProperty(ProcessingQueues.MESSAGE_ID, id);
        StoredMessage stored;
        try {
            stored = messages.get(UUID.fromString(String.valueOf(id))).orElseThrow(() -> new MessageRejectedException(
                    ErrorCode.UNKNOWN_OBJECT, "processing queue names message " + id + ", which the store does not hold"));
        } catch (IllegalArgumentException e) {
            throw new MessageRejectedException(ErrorCode.UNKNOWN_OBJECT, "processing queue message without a store id");
        }
        VerifiedDocument verified = verifier.verify(stored.signedBytes());
        HI1Message message = codec.bind(verified.document());
        exchange.setProperty(ACCEPTED, new AcceptedInbound(stored.id().toString(), PartyId.parse(stored.sender()),
                PartyId.parse(stored.receiver()), stored.transactionId(), stored.signedBytes(), stored.sha256(), message,
                stored.emergency(), stored.neighbour(), stored.recordedAt()));
    }
}
