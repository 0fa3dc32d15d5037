package org.lexgate.adapters;

/**
 * One connection between a node and the provider's systems behind it: a {@link RequestSink} and an
 * {@link AnswerSource}, started and stopped together.
 *
 * <p>Lifecycle: created (by an {@link AdapterFactory} or a connector's constructor) → {@link #start()}
 * → used → {@link #stop()}. {@link #requests()} and {@link #answers()} may be called at any time;
 * calling their methods before {@code start} or after {@code stop} throws {@link IllegalStateException}.
 */
public interface Adapter extends AutoCloseable {

    /** A short name for logs, e.g. {@code filedrop:/srv/lexgate/backend}. */
    String name();

    /**
     * Checks the configuration against the world (folders exist and are writable, a system answers)
     * and starts. Starting a started adapter does nothing.
     *
     * @throws PermanentAdapterException the configuration is wrong (e.g. a path that is a file, not a
     *         folder); the node does not start
     * @throws TransientAdapterException the back end is unavailable for now, or another node is using
     *         it; the node may try again or stop
     */
    void start() throws TransientAdapterException, PermanentAdapterException;

    /** Stops and releases what {@link #start()} took. Never throws; stopping a stopped adapter does nothing. */
    void stop();

    /** Node to back end. */
    RequestSink requests();

    /** Back end to node. */
    AnswerSource answers();

    /** The same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
