package org.lexgate.gateway.inbound;

/**
 * The queues between accepting a message and acting on it. A queued message carries only lexgate's
 * own property {@link #MESSAGE_ID} (the store id); the processing route reads the message itself
 * from the store.
 */
public final class ProcessingQueues {

    /** Routine accepted messages waiting for their role handler. */
    public static final String ROUTINE = "lexgate.processing";
    /** The emergency lane (IsEmergency or High priority), with its own consumers: never behind routine work. */
    public static final String EMERGENCY = "lexgate.processing.emergency";
    /** Messages whose handling failed for good (or too often); an operator looks at them. */
    public static final String DEAD = "lexgate.processing.dead";
    /** The store id of the accepted message. */
    public static final String MESSAGE_ID = "LexgateMessageId";
    /** Dead letters: why processing gave up. */
    public static final String DEAD_REASON = "LexgateDeadReason";
    /** Artemis duplicate detection: a message id queued twice is kept once. */
    static final String ARTEMIS_DUPLICATE_ID = "_AMQ_DUPL_ID";

    private ProcessingQueues() {
    }

    public static String of(boolean emergency) {
        return emergency ? EMERGENCY : ROUTINE;
    }
}
