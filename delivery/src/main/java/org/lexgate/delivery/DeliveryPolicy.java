package org.lexgate.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to try one destination. Defaults in {@link #defaults()}.
 *
 * <p>Transient failures are retried {@code maxRedeliveries} times with exponential backoff
 * ({@code initialDelay} × {@code multiplier}^n, at most {@code maxDelay}) and jitter
 * ({@code jitter} = Camel's collision-avoidance factor, e.g. 0.15 = ±15 %). The partner's circuit
 * opens when at least {@code breakerFailureRate} % of the last {@code breakerWindow} sends (and at
 * least {@code breakerMinimumCalls}) failed transiently; it stays open {@code breakerOpenFor}, then
 * lets one trial send through. While it is open messages stay queued. The retry limit therefore
 * only dead-letters a message that keeps failing while its partner is otherwise healthy: it must
 * exceed the failures that open the circuit (checked here).
 *
 * @param maxRedeliveries     retries of a transient failure within one delivery (default 8)
 * @param initialDelay        first backoff (default 1 s)
 * @param multiplier          backoff growth (default 2)
 * @param maxDelay            backoff ceiling (default 60 s)
 * @param jitter              random spread of each backoff, 0..1 (default 0.15)
 * @param breakerWindow       sends the breaker looks at (default 10)
 * @param breakerMinimumCalls sends before the breaker may open (default 5)
 * @param breakerFailureRate  failure percentage that opens it (default 50)
 * @param breakerOpenFor      how long it stays open before a trial send (default 30 s)
 * @param routineConsumers    parallel senders on the routine lane (default 1: in order)
 * @param emergencyConsumers  parallel senders on the emergency lane (default 1)
 */
public record DeliveryPolicy(int maxRedeliveries, Duration initialDelay, double multiplier, Duration maxDelay,
                             double jitter, int breakerWindow, int breakerMinimumCalls, float breakerFailureRate,
                             Duration breakerOpenFor, int routineConsumers, int emergencyConsumers) {

    public DeliveryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        check(maxRedeliveries >= 0, "maxRedeliveries must be >= 0");
        check(!initialDelay.isNegative() && maxDelay.compareTo(initialDelay) >= 0, "need 0 <= initialDelay <= maxDelay");
        check(multiplier >= 1, "multiplier must be >= 1");
        check(jitter >= 0 && jitter <= 1, "jitter must be within 0..1");
        check(breakerWindow >= 1 && breakerMinimumCalls >= 1, "breaker window and minimum calls must be >= 1");
        check(breakerFailureRate > 0 && breakerFailureRate <= 100, "breaker failure rate must be within (0, 100]");
        check(breakerOpenFor.toMillis() > 0, "breakerOpenFor must be positive");
        check(routineConsumers >= 1 && emergencyConsumers >= 1, "each lane needs at least one consumer");
        // Worst case for the breaker: a window full of successes, or a fresh one that needs its minimum.
        int failuresToOpen = Math.max((int) Math.ceil(breakerWindow * breakerFailureRate / 100.0),
                Math.min(breakerMinimumCalls, breakerWindow));
        check(maxRedeliveries + 1 > failuresToOpen, "maxRedeliveries + 1 must exceed the " + failuresToOpen
                + " failures that open the circuit, or an unreachable partner would dead-letter messages");
    }

    /** 8 retries from 1 s doubling to 60 s (±15 %); breaker 50 % of 10 (min 5), open 30 s; one sender per lane. */
    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(8, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.15,
                10, 5, 50f, Duration.ofSeconds(30), 1, 1);
    }

    public DeliveryPolicy withBackoff(int maxRedeliveries, Duration initialDelay, Duration maxDelay) {
        return new DeliveryPolicy(maxRedeliveries, initialDelay, multiplier, maxDelay, jitter, breakerWindow,
                breakerMinimumCalls, breakerFailureRate, breakerOpenFor, routineConsumers, emergencyConsumers);
    }

    public DeliveryPolicy withBreaker(int window, int minimumCalls, float failureRate, Duration openFor) {
        return new DeliveryPolicy(maxRedeliveries, initialDelay, multiplier, maxDelay, jitter, window, minimumCalls,
                failureRate, openFor, routineConsumers, emergencyConsumers);
    }

    public DeliveryPolicy withConsumers(int routine, int emergency) {
        return new DeliveryPolicy(maxRedeliveries, initialDelay, multiplier, maxDelay, jitter, breakerWindow,
                breakerMinimumCalls, breakerFailureRate, breakerOpenFor, routine, emergency);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("delivery policy: " + message);
        }
    }
}
