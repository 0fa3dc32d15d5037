package org.lexgate.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Test data: opaque "signed" bytes (the store never looks inside) and the parties of the example network. */
final class Fixtures {

    static final String AGENCY = "XA-AGENCY";
    static final String CONTACT_POINT_A = "XA-CP";
    static final String CONTACT_POINT_B = "XB-CP";
    static final String PROVIDER = "XB-PROVIDER";

    private Fixtures() {
    }

    static SignerRef signer(String party) {
        return new SignerRef("CN=" + party + ",O=lexgate test PKI NOT FOR PRODUCTION", "1a2b3c");
    }

    static byte[] document(String transactionId, String body) {
        return ("<HI1Message><Header><TransactionIdentifier>" + transactionId + "</TransactionIdentifier></Header>"
                + body + "<ds:Signature/></HI1Message>").getBytes(StandardCharsets.UTF_8);
    }

    static InboundMessage inbound(String sender, String transactionId, String caseRef) {
        return new InboundMessage(sender, PROVIDER, transactionId, document(transactionId, "<Payload/>"),
                signer(sender), CONTACT_POINT_B, caseRef, false);
    }

    static SignedReceipt receipt(String transactionId, String by) {
        return new SignedReceipt(document(UUID.randomUUID().toString(), "<Response for=\"" + transactionId + "\"/>"),
                signer(by));
    }

    static OutboundMessage outbound(String transactionId, String destination, Lane lane, String caseRef) {
        return new OutboundMessage(AGENCY, PROVIDER, transactionId, document(transactionId, "<LDTask/>"),
                signer(AGENCY), destination, lane, caseRef, lane == Lane.EMERGENCY);
    }

    static String tx() {
        return UUID.randomUUID().toString();
    }
}
