package org.lexgate.gateway.inbound;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Set;
import org.apache.camel.Processor;
import org.lexgate.gateway.receipt.ReceiptWriter;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.xml.XmlLimits;
import org.lexgate.store.MessageStore;
import org.lexgate.trust.binding.SenderBinding;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.Role;
import org.lexgate.trust.signature.DocumentVerifier;

/**
 * What the inbound steps need from the node, and the steps made from it (the node assembles one).
 *
 * @param self this node's party id
 * @param roles its roles
 * @param directory the party directory
 * @param codec the HI-1 codec
 * @param limits the limits of untrusted input
 * @param verifier the document signature verifier
 * @param binding the sender binding of the directory
 * @param messages the store's messages
 * @param receipts writes and signs receipts
 * @param receiptSigner the certificate receipts are signed with (recorded with each receipt)
 * @param processingQueue where accepted messages wait for their role handler
 * @param handover where the messages stored are handed, bound, to the processing step
 * @param clock the time acceptance is judged at
 */
public record InboundSteps(
        PartyId self,
        Set<Role> roles,
        PartyDirectory directory,
        Hi1Codec codec,
        XmlLimits limits,
        DocumentVerifier verifier,
        SenderBinding binding,
        MessageStore messages,
        ReceiptWriter receipts,
        X509Certificate receiptSigner,
        ProcessingQueue processingQueue,
        AcceptedHandover handover,
        Clock clock) {

    Processor parseWithLimits() {
        return new ParseWithLimits(limits);
    }

    Processor validateSchema() {
        return new ValidateSchema(codec);
    }

    Processor verifyDocumentSignature() {
        return new VerifyDocumentSignature(verifier);
    }

    Processor authoriseSender() {
        return new AuthoriseSender(binding, codec, clock);
    }

    Processor checkReceiver() {
        return new CheckReceiver(self, roles, directory);
    }

    Processor rejectDuplicate() {
        return new RejectDuplicate(messages);
    }

    Processor signReceipt() {
        return new SignReceipt(receipts);
    }

    Processor storeWithReceipt() {
        return new StoreWithReceipt(messages, receiptSigner, handover);
    }

    Processor enqueueForProcessing() {
        return new EnqueueForProcessing(processingQueue);
    }

    Processor recordRefusal() {
        return new RecordRefusal(messages, receipts);
    }
}
