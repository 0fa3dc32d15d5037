package org.lexgate.store;

import java.util.UUID;

/**
 * What {@link MessageStore#recordInbound} did. Either way, answer the sender with
 * {@link #receipt()}: the receipt of the one stored message with this business key.
 */
public sealed interface InboundOutcome {

    UUID messageId();

    StoredReceipt receipt();

    /** First time: the message, its receipt and the ACCEPTED audit event were committed together. */
    record Stored(UUID messageId, StoredReceipt receipt) implements InboundOutcome {
    }

    /**
     * The business key (sender, TransactionIdentifier) was already recorded: nothing new was stored
     * except a DUPLICATE audit event; {@code receipt} is the original receipt, to be sent again.
     */
    record Duplicate(UUID messageId, StoredReceipt receipt) implements InboundOutcome {
    }
}
