package org.lexgate.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        breaker.getEventPublisher().onStateTransition(e -> LOG.info("circuit for {}: {}", destination.party(),
                e.getStateTransition()));
        breakers.put(destination.party(), breaker);
        return breaker;
    }

    CircuitBreaker of(String party) {
        CircuitBreaker breaker = breakers.get(party);
        if (breaker == null) {
            throw new IllegalArgumentException("unknown destination: " + party);
        }
        return breaker;
    }
}
