package org.lexgate.adapters;

/**
 * The back end is unavailable for now (a folder not mounted or not writable, a disk full, a system
 * down). Trying the same call again later can succeed.
 *
 * <p>What the node does: from {@link RequestSink#deliver}, it keeps the request and the task's state
 * unchanged (still waiting to be handed over) and retries with exponential backoff; after its retry
 * limit it alerts the operator and keeps retrying. From {@link AnswerSource}, it tries again at the
 * next poll; nothing is acknowledged or rejected.
 */
public final class TransientAdapterException extends AdapterException {

    public TransientAdapterException(String message) {
        super(message, null);
    }

    public TransientAdapterException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
