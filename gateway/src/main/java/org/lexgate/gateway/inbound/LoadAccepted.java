package org.lexgate.gateway.inbound;

import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.xml.HardenedXml;
import org.lexgate.store.Direction;
import org.lexgate.store.MessageStore;
import org.lexgate.store.StoredMessage;
import org.lexgate.trust.directory.PartyId;
import org.w3c.dom.Document;

/**
 * Rule: "every node that acts on a message verifies it, and acts only on the bytes it verified"
 * (DESIGN.md "Two layers of signatures"). The processing queue carries only the store id (every
 * other header is dropped); the message is read from the store — the record — and those exact
 * bytes are parsed (hardened, within the node's limits) and bound for the role handler, with the
 * signer the intake recorded. An id the store does not know, or of a message this node sent, is
 * refused for good.
 *
 * <p>The document signature is not checked again here: the intake verified it on these very bytes
 * ({@code VerifyDocumentSignature}, then sender binding and authority) before {@code StoreWithReceipt}
 * stored them, and no inbound ({@code IN}) message enters the store any other way (only the
 * intake's {@code recordInbound} writes them). The database is inside the node's trust boundary,
 * like its memory between two steps of one route: whoever can change its rows can also change what
 * the node does with them. What is dropped is only the repetition of a check on the same bytes;
 * what is read is, as before, only what was signed: comments, which no accepted canonicalisation
 * signs, are removed as the verifier removes them, so the role sees the DOM the intake bound.
 *
 * <p>When the intake of this node bound the message moments ago, it handed the typed message over
 * ({@link AcceptedHandover}); it is used, instead of parsing and binding again, only if it was bound
 * from exactly the bytes read from the store.
 */
final class LoadAccepted implements Processor {

    /** Exchange property holding the {@link AcceptedInbound}. */
    static final String ACCEPTED = "lexgate.accepted";

    private final MessageStore messages;
    private final Hi1Codec codec;
    private final AcceptedHandover handover;

    LoadAccepted(MessageStore messages, Hi1Codec codec, AcceptedHandover handover) {
        this.messages = messages;
        this.codec = codec;
        this.handover = handover;
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
        if (stored.direction() != Direction.IN) {
            throw new MessageRejectedException(ErrorCode.UNKNOWN_OBJECT, "processing queue names message " + id
                    + ", which this node sent, not accepted");
        }
        Optional<HI1Message> handedOver = handover.take(stored.id().toString(), stored.signedBytes());
        HI1Message message = handedOver.isPresent() ? handedOver.get() : parseAndBind(stored.signedBytes());
        exchange.setProperty(ACCEPTED, new AcceptedInbound(stored.id().toString(), PartyId.parse(stored.sender()),
                PartyId.parse(stored.receiver()), stored.transactionId(), stored.signedBytes(), stored.sha256(), message,
                stored.emergency(), stored.neighbour(), stored.recordedAt(), stored.signer()));
    }

    private HI1Message parseAndBind(byte[] signedBytes) throws MessageRejectedException {
        Document signed = HardenedXml.parse(signedBytes, codec.limits());
        HardenedXml.removeComments(signed);
        return codec.bind(signed);
    }
}
