package org.lexgate.delivery;

/**
 * The only message properties lexgate puts on its outbound and dead-letter queues, and the only
 * ones it reads back. Camel's and JMS's own headers from outside are neither trusted nor passed on.
 */
public final class OutboundHeaders {

    /** The message's id as the node knows it (its TransactionIdentifier or store key). */
    public static final String MESSAGE_ID = "LexgateMessageId";
    /** The destination party id. */
    public static final String DESTINATION = "LexgateDestination";
    /** True on the emergency lane. */
    public static final String EMERGENCY = "LexgateEmergency";
    /** When the node queued it (epoch milliseconds). */
    public static final String ENQUEUED_AT = "LexgateEnqueuedAt";
    /** Dead letters: why it was given up (one line, no peer-controlled line breaks). */
    public static final String DEAD_REASON = "LexgateDeadReason";
    /** Dead letters: the lexgate/ETSI error code of the failure. */
    public static final String DEAD_CODE = "LexgateDeadCode";
    /** Dead letters: when it was given up (epoch milliseconds). */
    public static final String DEAD_AT = "LexgateDeadAt";
    /** Dead letters: how many sends were tried in the last delivery. */
    public static final String ATTEMPTS = "LexgateAttempts";

    private OutboundHeaders() {
    }
}
