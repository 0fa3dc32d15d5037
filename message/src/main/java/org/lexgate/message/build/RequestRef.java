package org.lexgate.message.build;

import java.util.UUID;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.lexgate.RequestReference;

/**
 * Points at another HI-1 message (and one of its objects) by sender and TransactionIdentifier,
 * written as {@code lexgate:RequestReference}: the request a notification or refusal is about
 * (§57), the foreign request a contact point forwards (§36).
 */
public final class RequestRef {

    private final Party sender;
    private final String transactionIdentifier;
    private String objectIdentifier;
    private String reference;

    private RequestRef(Party sender, String transactionIdentifier) {
        this.sender = Require.arg(sender, "RequestRef.sender");
        this.transactionIdentifier = Ids.uuid(transactionIdentifier, "RequestRef.transactionIdentifier");
    }

    public static RequestRef of(Party sender, UUID transactionIdentifier) {
        return new RequestRef(sender, Require.arg(transactionIdentifier, "RequestRef.transactionIdentifier").toString());
    }

    /** The message's sender and TransactionIdentifier, read from its header. */
    public static RequestRef to(HI1Message message) {
        Require.arg(message, "message");
        return new RequestRef(Party.from(message.getHeader().getSenderIdentifier()),
                message.getHeader().getTransactionIdentifier());
    }

    /** One object of that message, e.g. the LDTask a refusal is about. */
    public RequestRef object(UUID objectIdentifier) {
        this.objectIdentifier = Require.arg(objectIdentifier, "RequestRef.objectIdentifier").toString();
        return this;
    }

    /** The sender's registration number of the request (§26), e.g. its LDID. */
    public RequestRef reference(String value) {
        this.reference = Require.text(value, "RequestRef.reference");
        return this;
    }

    String objectIdentifier() {
        return objectIdentifier;
    }

    RequestReference toXml() {
        RequestReference xml = new RequestReference();
        xml.setSender(sender.toEndpoint());
        xml.setTransactionIdentifier(transactionIdentifier);
        xml.setObjectIdentifier(objectIdentifier);
        xml.setReference(reference);
        return xml;
    }
}
