package org.lexgate.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Hands the receipt bytes to the node's {@link ReceiptCheck}: the receipt must carry the
 * destination's valid document signature and name our TransactionIdentifier and digest, and it is
 * stored before the message counts as delivered (the sender keeps it as proof of submission).
 * A receipt that fails is a permanent failure; a check that cannot be done now is transient.
 */
final class CheckReceipt implements Processor {

    private final ReceiptCheck check;

    CheckReceipt(ReceiptCheck check) {
        this.check = check;
    }

    @Override
    public void process(Exchange exchange) throws DeliveryException {
        check.check(ReadOwnHeaders.message(exchange), exchange.getMessage().getBody(byte[].class));
    }
}
