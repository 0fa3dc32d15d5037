package org.lexgate.gateway.inbound;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.model.RouteDefinition;
import org.lexgate.message.MessageRejectedException;

/**
 * Role processing of accepted messages (issue 4 items 2 and 4): two lanes of one flow, each with
 * its own consumers, so an emergency (IsEmergency or High priority, §30, §34) never waits behind
 * routine work. Each message is read from the store and handed to the node's role handler in a JMS
 * transaction; a transient failure is retried with exponential backoff and jitter, a permanent one
 * (or too many transient ones) is parked on the processing dead-letter queue.
 *
 * <p>The lanes consume through {@link #CONSUMER_COMPONENT}: a local JMS transaction per message
 * (the session commits when the route returns, rolls back when it throws), with each consumer
 * thread keeping its session and consumer for as long as the route runs, instead of opening and
 * closing a consumer around every receive as a JTA-style transaction manager requires. A park sends
 * to the dead-letter queue through the same connection factory and so joins that transaction.
 */
public final class ProcessingRoute extends RouteBuilder {

    public static final String ROUTINE_ROUTE_ID = "lexgate-processing";
    public static final String EMERGENCY_ROUTE_ID = "lexgate-processing-emergency";
    /** The Camel JMS component the processing lanes consume with ({@link #addConsumerComponent}). */
    public static final String CONSUMER_COMPONENT = "lexgate-processing-jms";

    private final ProcessingSteps steps;

    public ProcessingRoute(ProcessingSteps steps) {
        this.steps = steps;
    }

    @Override
    public void configure() {
        onException(MessageRejectedException.class).handled(true).logExhausted(false).logHandled(false)
                .process(steps.park()).id("ParkRefusedProcessing");
        onException(Exception.class).handled(true).logExhausted(false).logHandled(false)
                .logRetryAttempted(true).retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .logStackTrace(false).logRetryStackTrace(false)
                .maximumRedeliveries(steps.attempts() - 1)
                .redeliveryDelay(steps.initialDelay().toMillis())
                .useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(steps.maxDelay().toMillis())
                .useCollisionAvoidance()
                .process(steps.park()).id("ParkFailedProcessing");

        lane(ProcessingQueues.EMERGENCY, EMERGENCY_ROUTE_ID)
                .process(steps.loadAccepted()).id(EMERGENCY_ROUTE_ID + "-LoadAccepted")
                .process(steps.handToRole()).id(EMERGENCY_ROUTE_ID + "-HandToRole");
        lane(ProcessingQueues.ROUTINE, ROUTINE_ROUTE_ID)
                .process(steps.yieldToEmergencies()).id(ROUTINE_ROUTE_ID + "-YieldToEmergencies")
                .process(steps.loadAccepted()).id(ROUTINE_ROUTE_ID + "-LoadAccepted")
                .process(steps.handToRole()).id(ROUTINE_ROUTE_ID + "-HandToRole");
    }

    private RouteDefinition lane(String queue, String routeId) {
        return from(CONSUMER_COMPONENT + ":queue:" + queue + "?concurrentConsumers=" + steps.consumers())
                .routeId(routeId);
    }

    /**
     * Adds the component the lanes consume with to {@code camel}, over {@code factory} (the node's
     * broker: the factory its other JMS components use, so that a park joins the lane's transaction).
     */
    public static void addConsumerComponent(CamelContext camel, ConnectionFactory factory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(factory);
        jms.setTransacted(true);
        jms.setLazyCreateTransactionManager(false);
        jms.setCacheLevelName("CACHE_CONSUMER");
        jms.setReceiveTimeout(1000);
        jms.setErrorHandlerLoggingLevel(LoggingLevel.DEBUG);
        jms.setErrorHandlerLogStackTrace(false);
        jms.setIncludeAllJMSXProperties(false);
        camel.addComponent(CONSUMER_COMPONENT, jms);
    }
}
