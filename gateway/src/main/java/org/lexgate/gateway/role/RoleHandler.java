package org.lexgate.gateway.role;

import org.lexgate.message.MessageRejectedException;

/**
 * What a node does with an accepted message, according to its roles (agency, contact point,
 * provider). Called from the processing route, after the sender already holds its receipt.
 *
 * <p>Contract: a {@link MessageRejectedException} is permanent (the message can never be acted on:
 * it is recorded, the requester is told with an ETSI error, nothing is retried); any other
 * exception is transient (the processing route retries with backoff, and the message stays queued
 * until it succeeds). A handler must be idempotent for the same {@code messageId}: after a crash the
 * same message may be handed over again.
 */
public interface RoleHandler extends AutoCloseable {

    void handle(AcceptedInbound inbound) throws Exception;

    /**
     * Stops what the handler runs in the background (the provider's answer poller, the follow-up
     * clock check). The node calls it when it stops, before closing the store and the broker.
     */
    @Override
    default void close() {
    }
}
