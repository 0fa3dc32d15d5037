package org.lexgate.gateway.role;

import java.util.concurrent.atomic.AtomicBoolean;
import org.lexgate.gateway.outbound.MessageSender;
import org.lexgate.gateway.outbound.MessageSender.SentMessage;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.trust.directory.PartyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the roles hand messages to the node's {@link MessageSender}: requests go where the routing
 * table says, answers go back the way the request came (DESIGN.md "Answers travel back the same
 * way"), relayed documents go on unchanged.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final MessageSender sender;
    private final AtomicBoolean warnedNoVia = new AtomicBoolean();

    public Outbox(MessageSender sender) {
        this.sender = sender;
    }

    /** Signs and queues a message for its header's receiver, or the next hop the routing table names. */
    public SentMessage send(HI1Message unsigned, boolean emergency, String caseRef) throws Exception {
        return sender.send(unsigned, emergency, caseRef);
    }

    /**
     * Signs and queues an answer through {@code via}, the neighbour the request came from. When
     * {@code via} is the receiver itself this is {@link #send}.
     */
    public SentMessage reply(HI1Message unsigned, PartyId via, boolean emergency, String caseRef) throws Exception {
        PartyId receiver = Hi1View.party(unsigned.getHeader().getReceiverIdentifier());
        if (via == null || via.equals(receiver)) {
            return sender.send(unsigned, emergency, caseRef);
        }
        try {
            return sender.sendVia(unsigned, via, emergency, caseRef);
        } catch (UnsupportedOperationException e) {
            if (warnedNoVia.compareAndSet(false, true)) {
                LOG.warn("the node's sender cannot choose a next hop; answers go straight to their receiver ({})", e.getMessage());
            }
            return sender.send(unsigned, emergency, caseRef);
        }
    }

    /** Forwards a signed document unchanged (a contact point's forward mode, and answers relayed back). */
    public SentMessage forward(byte[] signed, PartyId nextHop, boolean emergency, String caseRef) throws Exception {
        return sender.forward(signed, nextHop, emergency, caseRef);
    }
}
