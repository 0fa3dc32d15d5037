package org.lexgate.gateway.outbound;

import java.util.Optional;
import java.util.UUID;
import org.lexgate.delivery.DeliveryException;
import org.lexgate.delivery.OutboundMessage;
import org.lexgate.delivery.PermanentDeliveryException;
import org.lexgate.delivery.ReceiptCheck;
import org.lexgate.delivery.TransientDeliveryException;
import org.lexgate.gateway.inbound.Signers;
import org.lexgate.gateway.receipt.Digests;
import org.lexgate.gateway.receipt.ReceiptVerifier;
import org.lexgate.gateway.receipt.VerifiedReceipt;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.store.OutboundRecord;
import org.lexgate.store.OutboundStore;
import org.lexgate.store.SignedReceipt;
import org.lexgate.store.StoreException;
import org.lexgate.trust.directory.PartyId;

/**
 * The node's {@link ReceiptCheck}: a message counts as delivered only when the destination's receipt
 * is a signed ETSI response by the destination itself that names the message's TransactionIdentifier
 * and digest ({@link ReceiptVerifier}) — and once that receipt is stored with the message
 * ({@code markDelivered}, idempotent: a resend's receipt repeats the first). A receipt that fails is
 * permanent (the message is dead-lettered with the code); a store that cannot be reached is transient.
 * A signed ErrorInformation is a refusal: permanent, with the peer's code.
 */
public final class StoreReceiptCheck implements ReceiptCheck {

    private final ReceiptVerifier verifier;
    private final OutboundStore outbound;

    public StoreReceiptCheck(ReceiptVerifier verifier, OutboundStore outbound) {
        this.verifier = verifier;
        this.outbound = outbound;
    }

    @Override
    public void check(OutboundMessage message, byte[] receipt) throws DeliveryException {
        UUID id;
        Optional<OutboundRecord> record;
        try {
            id = UUID.fromString(message.messageId());
            record = outbound.get(id);
        } catch (IllegalArgumentException e) {
            throw new PermanentDeliveryException(ErrorCode.UNKNOWN_OBJECT.code(), "not a store id: " + message.messageId());
        } catch (StoreException e) {
            throw new TransientDeliveryException(ErrorCode.TEMPORARILY_UNAVAILABLE.code(), "store: " + e.getMessage(), e);
        }
        OutboundRecord sent = record.orElseThrow(() -> new PermanentDeliveryException(ErrorCode.UNKNOWN_OBJECT.code(),
                "message " + id + " is not recorded as outbound"));
        VerifiedReceipt verified;
        try {
            verified = verifier.verify(receipt, PartyId.parse(message.destination()), PartyId.parse(sent.sender()),
                    sent.transactionId(), Digests.sha256Hex(message.signed()));
        } catch (MessageRejectedException e) {
            throw new PermanentDeliveryException(e.code().code(), "receipt from " + message.destination()
                    + " rejected: " + e.getMessage(), e);
        }
        if (!verified.accepted()) {
            throw new PermanentDeliveryException(verified.errorCode().get(), message.destination() + " refused it: "
                    + verified.errorText().orElse(""));
        }
        try {
            outbound.markDelivered(id, new SignedReceipt(verified.bytes(), Signers.of(verified.signerCertificate())));
        } catch (StoreException e) {
            throw new TransientDeliveryException(ErrorCode.TEMPORARILY_UNAVAILABLE.code(), "store: " + e.getMessage(), e);
        }
    }
}
