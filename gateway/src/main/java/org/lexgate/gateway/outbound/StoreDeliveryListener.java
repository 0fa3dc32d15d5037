package org.lexgate.gateway.outbound;

import java.util.UUID;
import org.lexgate.delivery.DeliveryListener;
import org.lexgate.delivery.OutboundMessage;
import org.lexgate.store.OutboundStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each delivery outcome in the store and its audit trail (§25, §52): DELIVERED was recorded
 * with the receipt by {@link StoreReceiptCheck}; a dead letter is marked DEAD_LETTERED with its reason
 * and code. Both calls are idempotent in the store, as the delivery contract requires.
 */
public final class StoreDeliveryListener implements DeliveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(StoreDeliveryListener.class);

    private final OutboundStore outbound;

    public StoreDeliveryListener(OutboundStore outbound) {
        this.outbound = outbound;
    }

    @Override
    public void delivered(OutboundMessage message, byte[] receipt, int attempts) {
        LOG.info("delivered {} to {} after {} attempt(s)", message.messageId(), message.destination(), attempts);
    }

    @Override
    public void deadLettered(OutboundMessage message, String reason, int code, int attempts) {
        LOG.warn("dead-lettered {} to {} after {} attempt(s): {} {}", message.messageId(), message.destination(),
                attempts, code, reason);
        try {
            outbound.markDeadLettered(UUID.fromString(message.messageId()), reason, code);
        } catch (IllegalArgumentException e) {
            LOG.warn("dead letter {} has no store id; nothing recorded", message.messageId());
        }
    }
}
