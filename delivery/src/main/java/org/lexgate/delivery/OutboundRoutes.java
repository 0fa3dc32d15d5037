package org.lexgate.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The outbound delivery of one destination: two routes, one per lane, each consuming its own queue
 * in a JMS transaction:
 *
 * <pre>
 * lexgate.out.&lt;party&gt;[.emergency]
 *   -> ReadOwnHeaders -> SendSigned -> CheckReceipt -> ReportDelivered   (commit: off the queue)
 *   transient failure  -> backoff with jitter, up to the destination's limit -> MoveToDeadLetters
 *   permanent failure  -> MoveToDeadLetters -> lexgate.dead               (commit, same transaction)
 *   circuit open, node failure -> KeepQueued                               (rollback: stays queued)
 * </pre>
 *
 * The emergency lane has its own queue and consumers, so neither a backlog of routine messages nor
 * a routine message in backoff can delay it (§30, §34, §48 of the guidelines).
 */
final class OutboundRoutes extends RouteBuilder {

    private final Destination destination;
    private final CircuitBreaker breaker;
    private final ReceiptCheck receiptCheck;
    private final DeliveryListener listener;

    OutboundRoutes(Destination destination, CircuitBreaker breaker, ReceiptCheck receiptCheck,
                   DeliveryListener listener) {
        this.destination = destination;
        this.breaker = breaker;
        this.receiptCheck = receiptCheck;
        this.listener = listener;
    }

    static String routeId(String party, boolean emergency) {
        return "lexgate-out-" + party + (emergency ? "-emergency" : "");
    }

    @Override
    public void configure() {
        lane(false);
        lane(true);
    }

    private void lane(boolean emergency) {
        String party = destination.party();
        DeliveryPolicy p = destination.policy();
        int consumers = emergency ? p.emergencyConsumers() : p.routineConsumers();
        String route = routeId(party, emergency);
        String dead = OutboundDelivery.COMPONENT + ":queue:" + Queues.DEAD + "?exchangePattern=InOnly";

        from(OutboundDelivery.COMPONENT + ":queue:" + Queues.out(party, emergency)
                + "?concurrentConsumers=" + consumers + "&maxConcurrentConsumers=" + consumers)
                .routeId(route)
                .onException(PermanentDeliveryException.class)
                    .handled(true).maximumRedeliveries(0).logExhausted(false)
                    .process(new MoveToDeadLetters(party, emergency, listener)).id(route + "-dead-letter-permanent")
                    .to(dead)
                .end()
                .onException(TransientDeliveryException.class)
                    .handled(true)
                    .maximumRedeliveries(p.maxRedeliveries())
                    .redeliveryDelay(p.initialDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(p.multiplier())
                    .maximumRedeliveryDelay(p.maxDelay().toMillis())
                    .useCollisionAvoidance().collisionAvoidanceFactor(p.jitter())
                    .retryAttemptedLogLevel(LoggingLevel.INFO).logRetryStackTrace(false)
                    .logExhausted(false)
                    .process(new MoveToDeadLetters(party, emergency, listener)).id(route + "-dead-letter-transient")
                    .to(dead)
                .end()
                .onException(CircuitOpenException.class, RuntimeException.class)
                    .handled(false).maximumRedeliveries(0).logExhausted(false)
                    .process(new KeepQueued(party)).id(route + "-keep-queued")
                .end()
                .process(new ReadOwnHeaders(party, emergency)).id(route + "-read-own-headers")
                .process(new SendSigned(party, destination.client(), breaker)).id(route + "-send-signed")
                .process(new CheckReceipt(receiptCheck)).id(route + "-check-receipt")
                .process(new ReportDelivered(listener)).id(route + "-report-delivered");
    }
}
