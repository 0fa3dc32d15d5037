package org.lexgate.gateway.outbound;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.lexgate.delivery.OutboundDispatcher;
import org.lexgate.gateway.inbound.Signers;
import org.lexgate.gateway.receipt.Digests;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.lexgate.store.Lane;
import org.lexgate.store.OutboundOutcome;
import org.lexgate.store.OutboundState;
import org.lexgate.store.OutboundStore;
import org.lexgate.store.SignerRef;
import org.lexgate.trust.directory.Party;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.Role;
import org.lexgate.trust.directory.Route;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.DocumentVerifier;
import org.lexgate.trust.signature.VerifiedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link MessageSender}: every message leaves signed, recorded and queued.
 * <ol>
 *   <li>{@link #send}: writes the message through the codec (so it passes the checks a receiver
 *       runs) and signs it with the node's document key; {@link #forward}: takes a signed document
 *       unchanged, after checking its signature.</li>
 *   <li>Picks the destination: the header's receiver, except that a request for a provider goes to
 *       the next hop the routing table names at this node for the provider's country and the
 *       message's legal basis (DESIGN.md "Cross-border"; {@code forward} is given its next hop).</li>
 *   <li>Records it in the store (message row OUT, PENDING, QUEUED audit event). The same
 *       (destination, sender, TransactionIdentifier) is recorded once: sending again after a crash
 *       queues the bytes recorded the first time.</li>
 *   <li>Queues it on the destination's lane: emergency for IsEmergency or High priority (§30, §34).</li>
 * </ol>
 * The delivery module then sends it with retries; {@link StoreReceiptCheck} and
 * {@link StoreDeliveryListener} record the outcome.
 */
public final class NodeMessageSender implements MessageSender {

    private static final Logger LOG = LoggerFactory.getLogger(NodeMessageSender.class);

    private final PartyId self;
    private final DocumentSigner signer;
    private final DocumentVerifier verifier;
    private final Hi1Codec codec;
    private final PartyDirectory directory;
    private final OutboundStore outbound;
    private final Destinations destinations;
    private final OutboundDispatcher dispatcher;

    public NodeMessageSender(PartyId self, DocumentSigner signer, DocumentVerifier verifier, Hi1Codec codec,
            PartyDirectory directory, OutboundStore outbound, Destinations destinations, OutboundDispatcher dispatcher) {
        this.self = Objects.requireNonNull(self, "self");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.destinations = Objects.requireNonNull(destinations, "destinations");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public SentMessage send(HI1Message unsigned, boolean emergency, String caseReference) throws Exception {
        Hi1View view = new Hi1View(unsigned);
        if (!view.sender().equals(self)) {
            throw new IllegalArgumentException("this node is " + self + " and signs only its own messages, not "
                    + view.sender() + "'s");
        }
        byte[] signed = signer.signDocument(codec.writeDocument(unsigned));
        PartyId destination = nextHop(view);
        return queue(signed, view, Signers.of(signer.credential().certificate()), destination, emergency, caseReference);
    }

    /** Signs with this node's key and queues for the given next hop: answers go back the way their request came. */
    @Override
    public SentMessage sendVia(HI1Message unsigned, PartyId nextHop, boolean emergency, String caseReference)
            throws Exception {
        Hi1View view = new Hi1View(unsigned);
        if (!view.sender().equals(self)) {
            throw new IllegalArgumentException("this node is " + self + " and signs only its own messages, not "
                    + view.sender() + "'s");
        }
        byte[] signed = signer.signDocument(codec.writeDocument(unsigned));
        return queue(signed, view, Signers.of(signer.credential().certificate()), nextHop, emergency, caseReference);
    }

    @Override
    public SentMessage forward(byte[] signedBytes, PartyId nextHop, boolean emergency, String caseReference)
            throws Exception {
        VerifiedDocument verified = verifier.verify(signedBytes);
        Hi1View view = new Hi1View(codec.bind(verified.document()));
        return queue(signedBytes, view, Signers.of(verified.signerCertificate()), nextHop, emergency, caseReference);
    }

    /** Where a message this node writes goes first. */
    PartyId nextHop(Hi1View view) {
        PartyId receiver = view.receiver();
        boolean toProvider = directory.party(receiver).map(p -> p.hasRole(Role.PROVIDER)).orElse(false);
        if (!toProvider) {
            return receiver;
        }
        Optional<Route> route = directory.route(self, receiver.countryCode(), view.legalBasis());
        route.ifPresent(r -> LOG.debug("route for {}: {}", receiver, r.describe()));
        return route.map(Route::nextHop).filter(hop -> !hop.equals(self)).orElse(receiver);
    }

    private SentMessage queue(byte[] signed, Hi1View view, SignerRef signerRef, PartyId destination, boolean emergency,
            String caseReference) {
        Party party = directory.party(destination).orElseThrow(() -> new IllegalArgumentException(
                "destination " + destination + " is not in the directory"));
        String transactionId = view.transactionId();
        OutboundOutcome outcome = outbound.recordOutbound(new org.lexgate.store.OutboundMessage(view.sender().toString(),
                view.receiver().toString(), transactionId, signed, signerRef, party.id().toString(),
                emergency ? Lane.EMERGENCY : Lane.ROUTINE, caseReference, emergency));
        UUID id = outcome.messageId();
        byte[] recorded = signed;
        if (outcome instanceof OutboundOutcome.AlreadyRecorded already) {
            recorded = outbound.get(id).map(r -> r.signedBytes()).orElse(signed);
            if (already.state() != OutboundState.PENDING) {
                LOG.info("message {} (tx {}) to {} was recorded before and is {}: not queued again", id, transactionId,
                        destination, already.state());
                return new SentMessage(id.toString(), transactionId, destination, Digests.sha256Hex(recorded));
            }
        }
        String queue = destinations.ensure(destination);
        dispatcher.enqueue(queue, recorded, emergency, id.toString());
        LOG.info("queued {} (tx {}) for {}{}", id, transactionId, destination, emergency ? " on the emergency lane" : "");
        return new SentMessage(id.toString(), transactionId, destination, Digests.sha256Hex(recorded));
    }
}
