package org.lexgate.gateway.role;

import java.util.concurrent.atomic.AtomicBoolean;
import org.lexgate.gateway.outbound.MessageSender;
import org.lexgate.gateway.outbound.MessageSender.SentMessage;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.store.Store;
import org.lexgate.trust.directory.PartyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the roles hand messages to the node's {@link MessageSender}: requests go where the routing
 * table says, answers go back the way the request came (DESIGN.md "Answers travel back the same
 * way"), relayed documents go on unchanged.
 *
 * <p>A message is sent outside the caller's transaction ({@link Store#outsideTransaction}): the
 * sender records it and queues it at once, so the record must be committed before delivery looks
 * for it. Called inside the handling of a message, the send is therefore done before that handling
 * commits; if the handling then fails, it runs again and sends again, which has one effect — every
 * message the roles write has a TransactionIdentifier derived from what caused it, and the sender
 * and the receiver record each business key once.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final MessageSender sender;
    private final Store store;
    private final AtomicBoolean warnedNoVia = new AtomicBoolean();

    public Outbox(MessageSender sender, Store store) {
        this.sender = sender;
        this.store = store;
    }

    /** Signs and queues a message for its header's receiver, or the next hop the routing table names. */
    public SentMessage send(HI1Message unsigned, boolean emergency, String caseRef) throws Exception {
        return store.outsideTransaction(() -> sender.send(unsigned, emergency, caseRef));
    }

    /**
     * Signs and queues an answer through {@code via}, the neighbour the request came from. When
     * {@code via} is the receiver itself this is {@link #send}.
     */
    public SentMessage reply(HI1Message unsigned, PartyId via, boolean emergency, String caseRef) throws Exception {
        PartyId receiver = Hi1View.party(unsigned.getHeader().getReceiverIdentifier());
        if (via == null || via.equals(receiver)) {
            return send(unsigned, emergency, caseRef);
        }
        try {
            return store.outsideTransaction(() -> sender.sendVia(unsigned, via, emergency, caseRef));
        } catch (UnsupportedOperationException e) {
            if (warnedNoVia.compareAndSet(false, true)) {
                LOG.warn("the node's sender cannot choose a next hop; answers go straight to their receiver ({})", e.getMessage());
            }
            return send(unsigned, emergency, caseRef);
        }
    }

    /** Forwards a signed document unchanged (a contact point's forward mode, and answers relayed back). */
    public SentMessage forward(byte[] signed, PartyId nextHop, boolean emergency, String caseRef) throws Exception {
        return store.outsideTransaction(() -> sender.forward(signed, nextHop, emergency, caseRef));
    }
}
