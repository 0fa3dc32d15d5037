package org.lexgate.store;

/**
 * Where an outbound message is: {@code PENDING} (to send or being retried) → {@code DELIVERED}
 * (receipt stored) or {@code DEAD_LETTERED} (given up) → back to {@code PENDING} on a resend.
 */
public enum OutboundState {
    PENDING, DELIVERED, DEAD_LETTERED
}
