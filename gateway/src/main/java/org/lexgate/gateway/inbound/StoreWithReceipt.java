package org.lexgate.gateway.inbound;

import java.security.cert.X509Certificate;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.store.InboundMessage;
import org.lexgate.store.InboundOutcome;
import org.lexgate.store.MessageStore;
import org.lexgate.store.SignedReceipt;

/**
 * Rule: "a sender gets a receipt only after its message is durably stored" (DESIGN.md, "Nothing lost,
 * nothing twice"; §25, §52). The exact verified bytes, their digest, the signer, the receipt and the
 * ACCEPTED audit event are committed in one transaction; if the business key was recorded
 * meanwhile, nothing new is stored and the original receipt is what the sender gets. A message
 * stored now is handed, bound, to this node's processing step ({@link AcceptedHandover}).
 */
final class StoreWithReceipt implements Processor {

    private final MessageStore messages;
    private final X509Certificate receiptSigner;
    private final AcceptedHandover handover;

    StoreWithReceipt(MessageStore messages, X509Certificate receiptSigner, AcceptedHandover handover) {
        this.messages = messages;
        this.receiptSigner = receiptSigner;
        this.handover = handover;
    }

    @Override
    public void process(Exchange exchange) {
        InboundState state = InboundState.of(exchange);
        InboundOutcome outcome = messages.recordInbound(inbound(state),
                new SignedReceipt(state.receipt, Signers.of(receiptSigner)));
        state.messageId = outcome.messageId().toString();
        state.receipt = outcome.receipt().signedBytes();
        state.duplicate = outcome instanceof InboundOutcome.Duplicate;
        if (!state.duplicate) {
            handover.put(state.messageId, state.body, state.message);
        }
    }

    static InboundMessage inbound(InboundState state) {
        return new InboundMessage(state.sender.id().toString(),
                Hi1View.party(state.message.getHeader().getReceiverIdentifier()).toString(),
                state.message.getHeader().getTransactionIdentifier(), state.body,
                Signers.of(state.verified.signerCertificate()), state.neighbour, state.caseReference, state.emergency);
    }
}
