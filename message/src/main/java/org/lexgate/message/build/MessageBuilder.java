package org.lexgate.message.build;

import java.time.Instant;
import java.util.UUID;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.MessageHeader;
import org.lexgate.hi1.core.MessagePayload;
import org.lexgate.hi1.core.Version;
import org.lexgate.message.MessageRejectedException;

/**
 * The header every message shares (TS 103 120 clause 5: SenderIdentifier, ReceiverIdentifier,
 * TransactionIdentifier, Timestamp, Version). Sender and receiver are required; the
 * TransactionIdentifier is a fresh lower-case UUID and the Timestamp "now" with exactly six
 * fractional digits unless set; Version is V1.23.1 with lexgate as the national profile.
 *
 * @param <B> the concrete builder, for fluent chaining
 */
public abstract class MessageBuilder<B extends MessageBuilder<B>> {

    private Party sender;
    private Party receiver;
    private String transactionIdentifier;
    private Instant timestamp;
    private String profileVersion = Hi1Messages.PROFILE_VERSION;
    private String workflowIdentifier;

    MessageBuilder() {
    }

    /** The party that writes (and will sign) the message (§22, §24: the source must be verifiable). */
    public B from(Party value) {
        this.sender = Require.arg(value, "sender");
        return self();
    }

    /** The party the message is addressed to: the next hop (a contact point) or the provider. */
    public B to(Party value) {
        this.receiver = Require.arg(value, "receiver");
        return self();
    }

    /**
     * Sets the TransactionIdentifier; default a fresh random UUID, drawn once per builder, so that
     * building the same builder again (a retry) gives the same transaction, which the receiver
     * then treats as a duplicate. Unique per sender for the retention period.
     */
    public B transactionId(UUID value) {
        this.transactionIdentifier = Ids.of(Require.arg(value, "transactionId"));
        return self();
    }

    /** The message time (header Timestamp, and the default of the other times in the message); default now. */
    public B at(Instant value) {
        this.timestamp = Require.arg(value, "timestamp");
        return self();
    }

    /** lexgate's profile version written in NationalProfileVersion; default {@link Hi1Messages#PROFILE_VERSION}. */
    public B profileVersion(String value) {
        this.profileVersion = Require.text(value, "profileVersion");
        return self();
    }

    /** The optional header WorkflowIdentifier. */
    public B workflow(String value) {
        this.workflowIdentifier = Require.text(value, "workflowIdentifier");
        return self();
    }

    /** Builds the unsigned message; fails with IllegalStateException naming the first missing field. */
    public final HI1Message build() {
        Require.set(sender, "from(Party) (header SenderIdentifier)");
        Require.set(receiver, "to(Party) (header ReceiverIdentifier)");
        Instant now = timestamp != null ? timestamp : Instant.now();
        HI1Message message = new HI1Message();
        MessagePayload payload = payload(now);
        message.setHeader(header(now));
        message.setPayload(payload);
        return message;
    }

    /** Builds the message and writes it with the codec, which checks it as a receiver would. */
    public final byte[] toBytes() throws MessageRejectedException {
        return Hi1Messages.write(build());
    }

    Party sender() {
        return sender;
    }

    Party receiver() {
        return receiver;
    }

    /** The transaction identifier the message will carry (fixed at first call when not set). */
    String transactionIdentifier() {
        if (transactionIdentifier == null) {
            transactionIdentifier = Ids.fresh();
        }
        return transactionIdentifier;
    }

    abstract MessagePayload payload(Instant now);

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    private MessageHeader header(Instant now) {
        MessageHeader header = new MessageHeader();
        header.setSenderIdentifier(sender.toEndpoint());
        header.setReceiverIdentifier(receiver.toEndpoint());
        header.setTransactionIdentifier(transactionIdentifier());
        header.setTimestamp(Times.microseconds(now));
        Version version = new Version();
        version.setETSIVersion(Hi1Messages.ETSI_VERSION);
        version.setNationalProfileOwner(Hi1Messages.PROFILE_OWNER);
        version.setNationalProfileVersion(profileVersion);
        header.setVersion(version);
        header.setWorkflowIdentifier(workflowIdentifier);
        return header;
    }
}
