package org.lexgate.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Resilience4j circuit breaker per partner, shared by the partner's routine and emergency
 * lanes, so that a partner that is down is not hammered. Only transient send failures count as
 * failures; a refusal proves the partner is up and counts as a success.
 */
final class PartnerBreakers {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerBreakers.class);

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

    CircuitBreaker register(Destination destination) {
        DeliveryPolicy p = destination.policy();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(p.breakerWindow())
                .minimumNumberOfCalls(Math.min(p.breakerMinimumCalls(), p.breakerWindow()))
                .failureRateThreshold(p.breakerFailureRate())
                .waitDurationInOpenState(p.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("lexgate.out." + destination.party(), config);
        LongAdder notPermitted = new LongAdder();
        breaker.getEventPublisher()
                .onCallNotPermitted(e -> notPermitted.increment())
                .onStateTransition(e -> {
                    CircuitBreaker.StateTransition t = e.getStateTransition();
                    // A dead partner flaps OPEN -> HALF_OPEN -> OPEN at every trial: say only when that changes.
                    boolean trial = t.getToState() == CircuitBreaker.State.HALF_OPEN
                            || t == CircuitBreaker.StateTransition.HALF_OPEN_TO_OPEN;
                    if (trial) {
                        LOG.debug("circuit for {}: {}", destination.party(), t);
                    } else {
                        LOG.info("circuit for {}: {}", destination.party(), t);
                    }
                });
        breakers.put(destination.party(), breaker);
        refusals.put(destination.party(), notPermitted);
        return breaker;
    }

    CircuitBreaker of(String party) {
        CircuitBreaker breaker = breakers.get(party);
        if (breaker == null) {
            throw new IllegalArgumentException("unknown destination: " + party);
        }
        return breaker;
    }

    /** Sends refused by the partner's open circuit since start (Resilience4j's own count resets per state). */
    long refused(String party) {
        of(party);
        return refusals.get(party).sum();
    }
}
