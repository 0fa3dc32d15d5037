package org.lexgate.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.gateway.receipt.ReceiptException;
import org.lexgate.gateway.receipt.ReceiptWriter;

/**
 * Rule: "the synchronous answer to every accepted message is a signed ETSI response ... that names
 * the received message by TransactionIdentifier and digest; the sender keeps it as proof of
 * submission" (issue 4 item 3; §25, §52). The receipt is written and signed here but released only
 * after {@link StoreWithReceipt} committed it with the message: a sender never holds a receipt for a
 * message the node could lose.
 */
final class SignReceipt implements Processor {

    private final ReceiptWriter receipts;

    SignReceipt(ReceiptWriter receipts) {
        this.receipts = receipts;
    }

    @Override
    public void process(Exchange exchange) throws ReceiptException {
        InboundState state = InboundState.of(exchange);
        state.receipt = receipts.accepted(state.message, state.sender.id(), state.digest);
    }
}
