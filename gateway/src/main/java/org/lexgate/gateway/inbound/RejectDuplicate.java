package org.lexgate.gateway.inbound;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.store.InboundOutcome;
import org.lexgate.store.MessageStore;
import org.lexgate.store.SignedReceipt;
import org.lexgate.store.StoredMessage;
import org.lexgate.store.StoredReceipt;

/**
 * Rule: "the business key (sender + TransactionIdentifier) is unique for the whole retention period,
 * so a retried message has one effect and gets its original receipt again" (DESIGN.md, "Nothing
 * lost, nothing twice"; §25, §52). A message whose key is already recorded is not stored, signed or
 * processed again: the route stops here with the original receipt, byte for byte, and the store
 * records a DUPLICATE event. (A duplicate racing the original past this step is caught by the
 * store's unique key in {@link StoreWithReceipt}.)
 */
final class RejectDuplicate implements Processor {

    /** Exchange property: true when the route should stop with the original receipt. */
    static final String STOP = "lexgate.duplicate";

    private final MessageStore messages;

    RejectDuplicate(MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public void process(Exchange exchange) {
        InboundState state = InboundState.of(exchange);
        String sender = state.sender.id().toString();
        Optional<StoredMessage> original = messages.findInbound(sender, state.message.getHeader().getTransactionIdentifier());
        if (original.isEmpty()) {
            return;
        }
        StoredReceipt receipt = messages.receipt(original.get().id()).orElseThrow(() -> new IllegalStateException(
                "inbound message " + original.get().id() + " has no receipt"));
        // recordInbound records the DUPLICATE event and answers with the original receipt.
        InboundOutcome outcome = messages.recordInbound(StoreWithReceipt.inbound(state),
                new SignedReceipt(receipt.signedBytes(), receipt.signer()));
        state.messageId = outcome.messageId().toString();
        state.receipt = outcome.receipt().signedBytes();
        state.duplicate = true;
        exchange.setProperty(STOP, true);
    }
}
