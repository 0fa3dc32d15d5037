package org.lexgate.gateway.inbound;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.MessageHeader;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.store.SignedBytes;
import org.lexgate.trust.directory.Party;
import org.lexgate.trust.signature.VerifiedDocument;
import org.w3c.dom.Document;

/**
 * What the accept route has learnt about one message so far, kept in one exchange property (never in
 * headers, which come from outside). Each step fills in its part; later steps read only what earlier
 * steps verified.
 */
public final class InboundState {

    /** The exchange property holding the state. */
    public static final String PROPERTY = "lexgate.inbound";

    final Channel channel;
    /** The bytes received, as one array or in the pieces a request body of megabytes arrived in. */
    final SignedBytes body;
    final String digest;
    final String neighbour;
    final Instant receivedAt;

    Document parsed;
    VerifiedDocument verified;
    Party sender;
    HI1Message message;
    boolean emergency;
    String caseReference;

    byte[] receipt;
    String messageId;
    boolean duplicate;
    MessageRejectedException refusal;
    byte[] refusalReceipt;

    InboundState(Channel channel, SignedBytes body, String digest, String neighbour, Instant receivedAt) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.body = Objects.requireNonNull(body, "body");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.neighbour = neighbour;
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The state of an exchange of the accept route. */
    static InboundState of(Exchange exchange) {
        InboundState state = exchange.getProperty(PROPERTY, InboundState.class);
        if (state == null) {
            throw new IllegalStateException("no inbound state on exchange " + exchange.getExchangeId());
        }
        return state;
    }

    /** The header of the message, once it was bound from the verified DOM. */
    Optional<MessageHeader> header() {
        return Optional.ofNullable(message).map(HI1Message::getHeader);
    }
}
