package org.lexgate.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import org.lexgate.message.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's view of the dead-letter queue ({@link Queues#DEAD}): list what was given up and
 * why, and resend a message to its destination once the cause is fixed. Works on any broker
 * connection: in the node, or from {@code lexgate dlq} over the node's loopback TCP acceptor
 * ({@link Broker#clientFactory}).
 */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final long RECEIVE_TIMEOUT_MS = 500;

    private final ConnectionFactory factory;

    public DeadLetters(ConnectionFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** Everything on the dead-letter queue, oldest first, without taking it off. */
    public List<DeadLetter> list() throws JMSException {
        List<DeadLetter> letters = new ArrayList<>();
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(Queues.DEAD))) {
            connection.start();
            for (Message m : Collections.list((Enumeration<?>) browser.getEnumeration()).stream()
                    .map(Message.class::cast).toList()) {
                letters.add(read(m));
            }
        }
        return letters;
    }

    /**
     * Puts the dead letter(s) with this message id back on their destination's queue (the lane they
     * came from), unchanged, with their retry count reset. Only messages lexgate queued can be resent.
     *
     * @return how many were resent (0 when there is none with this id)
     */
    public int resend(String messageId) throws JMSException {
        Objects.requireNonNull(messageId, "messageId");
        String selector = OutboundHeaders.MESSAGE_ID + " = '" + messageId.replace("'", "''") + "' AND "
                + OutboundHeaders.DESTINATION + " IS NOT NULL";
        int resent = 0;
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = session.createConsumer(session.createQueue(Queues.DEAD), selector);
             MessageProducer producer = session.createProducer(null)) {
            connection.start();
            try {
                for (Message m = consumer.receive(RECEIVE_TIMEOUT_MS); m != null; m = consumer.receive(RECEIVE_TIMEOUT_MS)) {
                    String destination = m.getStringProperty(OutboundHeaders.DESTINATION);
                    boolean emergency = m.getBooleanProperty(OutboundHeaders.EMERGENCY);
                    BytesMessage copy = session.createBytesMessage();
                    copy.writeBytes(body(m));
                    copy.setStringProperty(OutboundHeaders.MESSAGE_ID, messageId);
                    copy.setStringProperty(OutboundHeaders.DESTINATION, Queues.checkParty(destination));
                    copy.setBooleanProperty(OutboundHeaders.EMERGENCY, emergency);
                    copy.setLongProperty(OutboundHeaders.ENQUEUED_AT, System.currentTimeMillis());
                    producer.send(session.createQueue(Queues.out(destination, emergency)), copy);
                    resent++;
                }
                session.commit();
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            }
        }
        LOG.info("resent {} dead letter(s) with message id {}", resent, DeliveryException.oneLine(messageId));
        return resent;
    }

    private static DeadLetter read(Message m) throws JMSException {
        String destination = m.getStringProperty(OutboundHeaders.DESTINATION);
        String id = m.getStringProperty(OutboundHeaders.MESSAGE_ID);
        String reason = m.getStringProperty(OutboundHeaders.DEAD_REASON);
        boolean ours = destination != null && id != null;
        if (reason == null) {
            // Moved by the broker itself: its delivery limit or an unroutable message.
            Object from = m.getObjectProperty(ORIGINAL_ADDRESS);
            reason = "moved by the broker from " + from + " (delivery attempts exhausted)";
            if (destination == null) {
                destination = String.valueOf(from);
            }
        }
        int code = m.propertyExists(OutboundHeaders.DEAD_CODE) ? m.getIntProperty(OutboundHeaders.DEAD_CODE)
                : ErrorCode.DELIVERY_FAILED.code();
        Instant time = Instant.ofEpochMilli(m.propertyExists(OutboundHeaders.DEAD_AT)
                ? m.getLongProperty(OutboundHeaders.DEAD_AT) : m.getJMSTimestamp());
        int attempts = m.propertyExists(OutboundHeaders.ATTEMPTS) ? m.getIntProperty(OutboundHeaders.ATTEMPTS) : 0;
        boolean emergency = m.propertyExists(OutboundHeaders.EMERGENCY) && m.getBooleanProperty(OutboundHeaders.EMERGENCY);
        return new DeadLetter(id != null ? id : m.getJMSMessageID(), destination, emergency, reason, code, time,
                attempts, ours);
    }

    private static byte[] body(Message m) throws JMSException {
        if (!(m instanceof BytesMessage bytes)) {
            throw new JMSException("dead letter " + m.getJMSMessageID() + " is not a bytes message");
        }
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }
}
