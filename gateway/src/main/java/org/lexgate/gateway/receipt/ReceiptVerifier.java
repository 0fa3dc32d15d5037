package org.lexgate.gateway.receipt;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.hi1.core.ActionUnsuccesfulInformation;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.ResponsePayload;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.binding.SenderBinding;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.signature.DocumentVerifier;
import org.lexgate.trust.signature.VerifiedDocument;

/**
 * Checks a receipt a destination returned (issue 4 item 4): it is an ETSI response of lexgate's
 * profile (schema), its document signature verifies, its signer is the party in its header, known
 * to the directory and sound (sender binding), and that party is the destination; it answers the
 * sent message's sender and TransactionIdentifier and names the sent bytes' SHA-256 digest. Only
 * then is it proof of submission (§25, §52). Each failure is a {@link MessageRejectedException}
 * with the code of the rule broken.
 */
public final class ReceiptVerifier {

    private final Hi1Codec codec;
    private final DocumentVerifier verifier;
    private final SenderBinding binding;
    private final Clock clock;

    public ReceiptVerifier(Hi1Codec codec, DocumentVerifier verifier, SenderBinding binding, Clock clock) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.binding = Objects.requireNonNull(binding, "binding");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies a receipt.
     *
     * @param receipt the exact bytes the destination answered with
     * @param destination the party the message was sent to (must be the receipt's signer)
     * @param messageSender the sent message's header sender (the receipt's receiver)
     * @param transactionId the sent message's TransactionIdentifier
     * @param digest SHA-256 of the sent bytes, lower-case hex
     */
    public VerifiedReceipt verify(byte[] receipt, PartyId destination, PartyId messageSender, String transactionId,
            String digest) throws MessageRejectedException {
        codec.readChecked(receipt);
        VerifiedDocument verified = verifier.verify(receipt);
        PartyId signer = binding.accept(verified, clock.instant()).id();
        HI1Message message = codec.bind(verified.document());
        ResponsePayload response = message.getPayload().getResponsePayload();
        if (response == null) {
            throw new MessageRejectedException(ErrorCode.INVALID_ACTION, "the answer is a request, not a response");
        }
        if (!signer.equals(destination)) {
            throw new MessageRejectedException(ErrorCode.SIGNER_NOT_SENDER, "receipt signed by " + signer
                    + ", the message went to " + destination);
        }
        PartyId receiver = Hi1View.party(message.getHeader().getReceiverIdentifier());
        if (!receiver.equals(messageSender)) {
            throw new MessageRejectedException(ErrorCode.WRONG_RECEIVER, "receipt addressed to " + receiver
                    + ", the message was sent by " + messageSender);
        }
        String answered = message.getHeader().getTransactionIdentifier();
        if (!transactionId.equals(answered)) {
            throw new MessageRejectedException(ErrorCode.INVALID_TRANSACTION_IDENTIFIER, "receipt answers transaction "
                    + answered + ", the message was " + transactionId);
        }
        Optional<String> named = ReceiptMarker.digest(message.getHeader().getWorkflowIdentifier());
        if (!named.equals(Optional.of(digest))) {
            throw new MessageRejectedException(ErrorCode.INVALID_REFERENCE, "receipt names digest "
                    + named.orElse("(none)") + ", the message's is " + digest);
        }
        ActionUnsuccesfulInformation error = response.getErrorInformation();
        return new VerifiedReceipt(receipt.clone(), signer, verified.signerCertificate(), answered, digest,
                Optional.ofNullable(error).map(e -> e.getErrorCode().intValue()),
                Optional.ofNullable(error).map(ActionUnsuccesfulInformation::getErrorDescription));
    }
}
