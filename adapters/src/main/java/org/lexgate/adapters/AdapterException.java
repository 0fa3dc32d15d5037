package org.lexgate.adapters;

/**
 * A back end could not do what the node asked. Exactly two kinds, and the kind decides what happens
 * to the task: {@link TransientAdapterException} (try again later, nothing is lost) and
 * {@link PermanentAdapterException} (trying again cannot help; an operator must look).
 *
 * <p>Messages are for the node's log and its operator, never for a peer: they may name folders,
 * hosts and internal identifiers.
 */
public abstract sealed class AdapterException extends Exception
        permits TransientAdapterException, PermanentAdapterException {

    protected AdapterException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying the same call again later can succeed. */
    public abstract boolean retryable();
}
