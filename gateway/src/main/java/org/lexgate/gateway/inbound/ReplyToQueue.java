package org.lexgate.gateway.inbound;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;

/**
 * The queue channel's answer (issue 4 item 3): the signed receipt — or the signed ErrorInformation —
 * goes to the node's configured receipt queue, correlated by the incoming message's id, with
 * lexgate's own properties only. A fault of this node (3019) is not answered: the transaction rolls
 * back and the broker offers the message again later (after its delivery limit, its dead-letter queue).
 */
final class ReplyToQueue implements Processor {

    /** Receipt property: ACCEPTED or REFUSED. */
    public static final String OUTCOME = "LexgateOutcome";
    /** Receipt property: the error code of a refusal. */
    public static final String CODE = "LexgateCode";
    /** Receipt property: true when the receipt is the original one of an earlier copy. */
    public static final String DUPLICATE = "LexgateDuplicate";

    private final String jmsComponent;
    private final String receiptQueue;
    private final CamelContext camel;
    private final ProducerTemplate producer;

    ReplyToQueue(String jmsComponent, String receiptQueue, CamelContext camel, ProducerTemplate producer) {
        this.jmsComponent = jmsComponent;
        this.receiptQueue = receiptQueue;
        this.camel = camel;
        this.producer = producer;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        InboundResult result = exchange.getProperty(AcceptFromQueue.RESULT, InboundResult.class);
        ExchangeBuilder reply = ExchangeBuilder.anExchange(camel).withPattern(ExchangePattern.InOnly);
        String correlation = exchange.getProperty(AcceptFromQueue.CORRELATION, String.class);
        if (correlation != null) {
            reply.withHeader("JMSCorrelationID", correlation);
        }
        if (result instanceof InboundResult.Accepted accepted) {
            reply.withBody(accepted.receipt()).withHeader(OUTCOME, "ACCEPTED").withHeader(DUPLICATE, accepted.duplicate());
        } else {
            InboundResult.Refused refused = (InboundResult.Refused) result;
            if (refused.retryable() || refused.signedError().isEmpty()) {
                throw new IllegalStateException("queue message not accepted now (" + refused.refusal().toPeerLine()
                        + "): left on the queue for a later try");
            }
            reply.withBody(refused.signedError().get()).withHeader(OUTCOME, "REFUSED")
                    .withHeader(CODE, refused.refusal().code().code());
        }
        Exchange done = producer.send(jmsComponent + ":queue:" + receiptQueue + "?exchangePattern=InOnly", reply.build());
        if (done.getException() != null) {
            throw done.getException();
        }
    }
}
