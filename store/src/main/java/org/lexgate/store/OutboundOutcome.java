package org.lexgate.store;

import java.util.UUID;

/** What {@link OutboundStore#recordOutbound} did. */
public sealed interface OutboundOutcome {

    UUID messageId();

    /** Newly recorded, PENDING, with a QUEUED audit event: enqueue it for delivery. */
    record Recorded(UUID messageId) implements OutboundOutcome {
    }

    /**
     * (destination, sender, TransactionIdentifier) was recorded before — e.g. role processing ran
     * again after a crash. Nothing was written; {@code state} says whether it still needs sending.
     */
    record AlreadyRecorded(UUID messageId, OutboundState state) implements OutboundOutcome {
    }
}
