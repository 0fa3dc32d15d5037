package org.lexgate.adapters;

/**
 * This request can never be handed over to this back end, or the back end is configured wrongly;
 * trying again cannot help.
 *
 * <p>What the node does: from {@link RequestSink#deliver}, it stops retrying, records the failure with
 * this message in the audit trail, alerts the operator and puts the task in an error state; the task is
 * not refused to the requester automatically (an operator decides, e.g. hands the request over by hand
 * or answers with a refusal). From {@link Adapter#start}, the node does not start.
 */
public final class PermanentAdapterException extends AdapterException {

    public PermanentAdapterException(String message) {
        super(message, null);
    }

    public PermanentAdapterException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
