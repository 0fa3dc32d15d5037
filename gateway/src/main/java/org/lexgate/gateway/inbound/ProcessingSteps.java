package org.lexgate.gateway.inbound;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.lexgate.gateway.role.RoleHandler;
import org.lexgate.message.Hi1Codec;
import org.lexgate.store.AuditTrail;
import org.lexgate.store.MessageStore;

/**
 * What the processing route needs from the node.
 *
 * @param handler the node's role handler
 * @param messages the store's messages
 * @param audit the audit trail
 * @param emergencyFirst holds routine processing back while the emergency intake accepts a request (§30)
 * @param codec the HI-1 codec
 * @param handover the messages the intake bound, handed over so they are not parsed again
 * @param jmsComponent the Camel JMS component of the node's broker that parks messages on the dead-letter queue
 *                     (the lanes consume with {@link ProcessingRoute#CONSUMER_COMPONENT}, over the same factory)
 * @param consumers consumers per lane
 * @param attempts attempts of a transient failure before the message is parked
 * @param initialDelay first back-off
 * @param maxDelay longest back-off
 * @param camel the node's Camel context
 * @param producer a producer template of that context
 */
public record ProcessingSteps(RoleHandler handler, MessageStore messages, AuditTrail audit, EmergencyFirst emergencyFirst,
        Hi1Codec codec, AcceptedHandover handover, String jmsComponent, int consumers, int attempts, Duration initialDelay, Duration maxDelay,
        CamelContext camel, ProducerTemplate producer) {

    Processor loadAccepted() {
        return new LoadAccepted(messages, codec, handover);
    }

    /** Routine processing holds back while the emergency intake is accepting a request (§30). */
    Processor yieldToEmergencies() {
        return exchange -> emergencyFirst.yieldToEmergencies();
    }

    Processor handToRole() {
        return new HandToRole(handler);
    }

    Processor park() {
        return new ParkFailedProcessing(jmsComponent, audit, camel, producer);
    }
}
