package org.lexgate.gateway.inbound;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Puts accepted messages on the processing queues: persistent, the store id as the only property,
 * the emergency lane for IsEmergency or High priority, and an Artemis duplicate id per message so a
 * message queued twice is kept once. It has its own connection factory, so a send never joins the
 * JMS transaction of an inbound queue consumer (a rejected duplicate would roll that back).
 *
 * <p>Every intake thread sends here, so the factory keeps as many JMS sessions (each with its two
 * producers) as the node's intake runs at once: a send borrows a cached session instead of creating
 * and closing one (which serialises the senders on the connection's monitor). A send still blocks
 * until the broker has the message durably ({@code blockOnDurableSend}).
 */
public final class ProcessingQueue implements AutoCloseable {

    private final CachingConnectionFactory factory;

    /**
     * A queue writer over its own connection factory ({@code Broker.clientFactory} of the node's broker).
     *
     * @param concurrentSenders how many threads may enqueue at once (the node's intake threads):
     *                          the number of sessions kept; more senders than that still work, each
     *                          extra session is opened and closed per send
     */
    public ProcessingQueue(ConnectionFactory ownFactory, int concurrentSenders) {
        if (concurrentSenders < 1) {
            throw new IllegalArgumentException("concurrentSenders must be at least 1: " + concurrentSenders);
        }
        this.factory = new CachingConnectionFactory(ownFactory);
        this.factory.setCacheConsumers(false);
        this.factory.setCacheProducers(true);
        this.factory.setSessionCacheSize(concurrentSenders);
        this.factory.setReconnectOnException(true);
    }

    /**
     * Queues a message for its role handler; returns normally when the broker has it durably, or
     * already had it (a duplicate id).
     */
    public void enqueue(String messageId, boolean emergency) throws JMSException {
        Connection connection = factory.createConnection();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(ProcessingQueues.of(emergency)))) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(messageId.getBytes(StandardCharsets.UTF_8));
            message.setStringProperty(ProcessingQueues.MESSAGE_ID, messageId);
            message.setStringProperty(ProcessingQueues.ARTEMIS_DUPLICATE_ID, "processing-" + messageId);
            producer.send(message, DeliveryMode.PERSISTENT, emergency ? 9 : 4, 0);
        } catch (JMSException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
