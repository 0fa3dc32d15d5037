package org.lexgate.gateway.inbound;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.store.AuditEntry;
import org.lexgate.store.AuditEventType;
import org.lexgate.store.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule: a message that cannot be acted on is never dropped silently (§25, §52, §57). A permanent
 * refusal by the role handler, or a transient failure that outlived its retries, is logged in one
 * line, recorded in the audit trail (REFUSED with the code, naming the stored message) and parked
 * on {@link ProcessingQueues#DEAD} with the reason, in the same JMS transaction as the receive.
 */
final class ParkFailedProcessing implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("org.lexgate.gateway.inbound.processing");

    private final String jmsComponent;
    private final AuditTrail audit;
    private final CamelContext camel;
    private final ProducerTemplate producer;

    ParkFailedProcessing(String jmsComponent, AuditTrail audit, CamelContext camel, ProducerTemplate producer) {
        this.jmsComponent = jmsComponent;
        this.audit = audit;
        this.camel = camel;
        this.producer = producer;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String id = exchange.getProperty(ProcessingQueues.MESSAGE_ID, String.class);
        AcceptedInbound inbound = exchange.getProperty(LoadAccepted.ACCEPTED, AcceptedInbound.class);
        boolean permanent = caught instanceof MessageRejectedException;
        int code = permanent ? ((MessageRejectedException) caught).code().code() : 3019;
        String reason = RecordRefusal.oneLine((permanent ? "refused by role processing: " : "processing failed after retries: ")
                + caught);
        LOG.warn("message {} parked on {}: {}", id, ProcessingQueues.DEAD, reason);
        audit.append(AuditEntry.of(AuditEventType.REFUSED, null)
                .withParty(inbound == null ? null : inbound.sender().toString())
                .withTransactionId(inbound == null ? null : inbound.transactionId())
                .withMessage(inbound == null ? null : java.util.UUID.fromString(inbound.messageId()),
                        inbound == null ? null : inbound.digest())
                .withCode(code)
                .withDetail(reason));
        Exchange parked = ExchangeBuilder.anExchange(camel).withPattern(ExchangePattern.InOnly)
                .withBody(String.valueOf(id))
                .withHeader(ProcessingQueues.MESSAGE_ID, String.valueOf(id))
                .withHeader(ProcessingQueues.DEAD_REASON, reason)
                .build();
        Exchange done = producer.send(jmsComponent + ":queue:" + ProcessingQueues.DEAD + "?exchangePattern=InOnly", parked);
        if (done.getException() != null) {
            throw done.getException();
        }
    }
}
