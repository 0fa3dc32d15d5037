package org.lexgate.adapters;

/**
 * Node to back end: hands over the requests the provider must handle.
 *
 * <p>The node calls {@link #deliver} only for a request it has verified, accepted and durably stored
 * (so a sender already holds a receipt for it), and only while the adapter is started. It may call it
 * from several threads, and may call it again for a request already handed over (after a crash, or
 * because it cannot tell whether the last call completed): an implementation must be idempotent —
 * delivering the same task and kind twice leaves one request at the back end, never two.
 */
public interface RequestSink {

    /**
     * Hands one request to the back end. The outcomes and what each does to the task:
     * <ul>
     *   <li><b>returns</b>: the back end has the request durably (e.g. written and synced to disk).
     *       The node records the task as handed over and now waits for its answer
     *       ({@code AwaitingDisclosure} / {@code AwaitingPreservation}); for a
     *       {@link RequestKind#CANCELLATION} or {@link RequestKind#PRESERVATION_RELEASE} it records the
     *       cancellation or release as done.</li>
     *   <li><b>{@link TransientAdapterException}</b>: the back end is unavailable for now. The task's
     *       state is unchanged; the node keeps the request and retries with backoff.</li>
     *   <li><b>{@link PermanentAdapterException}</b>: this request can never be handed over. The node
     *       stops retrying, records the failure, alerts the operator, and the task goes to an error
     *       state.</li>
     * </ul>
     * Any other exception (a bug) counts as transient, so that nothing is lost.
     */
    void deliver(ProviderRequest request) throws TransientAdapterException, PermanentAdapterException;
}
