package org.lexgate.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.impl.DefaultCamelContext;
import org.lexgate.message.ErrorCode;
import org.lexgate.soap.HopClient;
import org.lexgate.soap.HopKeys;
import org.lexgate.soap.HopSecurity;
import org.lexgate.soap.NeighbourPolicy;

/**
 * The sending node: an embedded broker with its journal in {@code brokerDir}, a Camel context and
 * the outbound delivery to one {@link Receiver}. Its receipt check accepts a receipt only if it
 * names the message; its listener records every outcome. Backoff and breaker are tuned small.
 */
final class SenderNode implements AutoCloseable {

    static final String PARTY = "XX-SENDER";

    /** Retries 6 × from 20 ms to 200 ms; breaker opens on 3 failures of a fresh window, open 300 ms. */
    static final DeliveryPolicy FAST = DeliveryPolicy.defaults()
            .withBackoff(6, Duration.ofMillis(20), Duration.ofMillis(200))
            .withBreaker(10, 3, 50f, Duration.ofMillis(300));

    final Broker broker;
    final DefaultCamelContext camel;
    final OutboundDelivery delivery;
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final Map<String, String> deadLettered = new ConcurrentHashMap<>();
    /** Ids whose receipt check fails transiently (the node's store is down for them). */
    final Set<String> storeDownFor = ConcurrentHashMap.newKeySet();

    SenderNode(Path brokerDir, HopKeys keys, Receiver receiver, HopKeys receiverKeys) throws Exception {
        this(settings(brokerDir), keys, receiver.address, receiverKeys, FAST);
    }

    SenderNode(BrokerSettings settings, HopKeys keys, Receiver receiver, HopKeys receiverKeys, DeliveryPolicy policy)
            throws Exception {
        this(settings, keys, receiver.address, receiverKeys, policy);
    }

    /** The embedded broker in {@code brokerDir} with redelivery tuned small. */
    static BrokerSettings settings(Path brokerDir) {
        return BrokerSettings.embedded(brokerDir).withRedelivery(Duration.ofMillis(50), Duration.ofMillis(500));
    }

    SenderNode(BrokerSettings settings, HopKeys keys, URI receiverAddress, HopKeys receiverKeys, DeliveryPolicy policy)
            throws Exception {
        broker = Broker.start(settings);
        camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(10);
        HopClient client = HopClient.builder()
                .address(receiverAddress)
                .security(HopSecurity.of(keys))
                .neighbours(NeighbourPolicy.pinned(Map.of(Receiver.PARTY, receiverKeys.certificate())))
                .connectTimeout(Duration.ofSeconds(2))
                .receiveTimeout(Duration.ofSeconds(30))
                .build();
        delivery = OutboundDelivery.builder()
                .camel(camel)
                .connectionFactory(broker.connectionFactory())
                .receiptCheck(this::checkReceipt)
                .listener(new DeliveryListener() {
                    @Override
                    public void delivered(OutboundMessage message, byte[] receipt, int attempts) {
                        delivered.add(message.messageId());
                    }

                    @Override
                    public void deadLettered(OutboundMessage message, String reason, int code, int attempts) {
                        deadLettered.put(message.messageId(), code + " " + reason);
                    }
                })
                .destination(new Destination(Receiver.PARTY, client, policy))
                .start();
        camel.start();
    }

    private void checkReceipt(OutboundMessage message, byte[] receipt) throws DeliveryException {
        if (storeDownFor.contains(message.messageId())) {
            throw new TransientDeliveryException(ErrorCode.TEMPORARILY_UNAVAILABLE.code(), "store down (test)");
        }
        if (!new String(receipt, StandardCharsets.UTF_8).contains("receipt for " + message.messageId() + " ")) {
            throw new PermanentDeliveryException(ErrorCode.INVALID_REFERENCE.code(), "receipt names another message");
        }
    }

    void send(String id, boolean emergency) {
        delivery.dispatcher().enqueue(Receiver.PARTY, Receiver.message(id), emergency, id);
    }

    long queued(boolean emergency) {
        return broker.messageCount(Queues.out(Receiver.PARTY, emergency));
    }

    @Override
    public void close() {
        try {
            camel.stop();
            delivery.close();
        } finally {
            broker.close();
        }
    }
}
