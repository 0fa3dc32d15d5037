package org.lexgate.gateway.inbound;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.gateway.receipt.ReceiptWriter;
import org.lexgate.hi1.core.MessageHeader;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.store.MessageStore;
import org.lexgate.store.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule: "Fail closed. Whatever is not understood is refused, with an ETSI error code and a text that
 * is safe to show a peer; the detail goes to the log and the audit trail, never to the peer"
 * (DESIGN.md; §51, §57). A refused message leaves no message row — only a REFUSED audit event — and
 * nothing is forwarded. The detail is logged in one line (a hostile detail cannot forge lines); a
 * fault of this node (not of the message) is answered 3019, so the sender retries, and logged with
 * its stack trace. Off the SOAP hop, whose faults carry the code, the refusal is also written as a
 * signed ETSI ErrorInformation response.
 */
final class RecordRefusal implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("org.lexgate.gateway.inbound.refused");

    private final MessageStore messages;
    private final ReceiptWriter receipts;

    RecordRefusal(MessageStore messages, ReceiptWriter receipts) {
        this.messages = messages;
        this.receipts = receipts;
    }

    @Override
    public void process(Exchange exchange) {
        InboundState state = InboundState.of(exchange);
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        MessageRejectedException refusal = caught instanceof MessageRejectedException m ? m
                : new MessageRejectedException(ErrorCode.TEMPORARILY_UNAVAILABLE, "node fault: " + caught, caught);
        Optional<MessageHeader> claimed = ClaimedHeader.of(state);
        String sender = claimed.map(h -> h.getSenderIdentifier().getUniqueIdentifier()).orElse("?");
        String transaction = claimed.map(MessageHeader::getTransactionIdentifier).orElse("?");
        String line = oneLine(refusal.getMessage());
        // The refusal handed back carries the context, so the SOAP hop's own refusal line says it all.
        state.refusal = new MessageRejectedException(refusal.code(), "message from " + sender + " tx " + transaction
                + ": " + line, refusal);
        if (!(caught instanceof MessageRejectedException)) {
            LOG.error("could not accept {} message from {} tx {}: answered 3019", state.channel, sender, transaction, caught);
        } else if (state.channel != Channel.SOAP) { // the hop logs its refusals itself, in one line
            LOG.warn("refused {} message from {} tx {}: {} {}: {}", state.channel, sender, transaction,
                    refusal.code().code(), refusal.code(), line);
        }
        try {
            messages.recordRefusal(new Refusal(claimed.map(h -> h.getSenderIdentifier().getUniqueIdentifier()).orElse(null),
                    claimed.map(MessageHeader::getTransactionIdentifier).orElse(null), state.caseReference,
                    state.neighbour, state.digest,
                    state.verified == null ? null : Signers.of(state.verified.signerCertificate()).subject(),
                    refusal.code().code(), line));
        } catch (RuntimeException e) {
            LOG.error("could not record the refusal of tx {} in the audit trail: {}", transaction, e.toString());
        }
        if (state.channel != Channel.SOAP) {
            try {
                state.refusalReceipt = receipts.refused(claimed, Optional.of(state.digest), refusal.code());
            } catch (Exception e) {
                LOG.error("could not sign the refusal of tx {}: {}", transaction, e.toString());
            }
        }
    }

    static String oneLine(String text) {
        String flat = String.valueOf(text).replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "...";
    }
}
