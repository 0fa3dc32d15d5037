package org.lexgate.gateway.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.lexgate.gateway.outbound.MessageSender.SentMessage;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.gateway.role.CaseBook;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.gateway.role.Outbox;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.gateway.role.TaskRecord.RelayLink;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.LPTaskObject;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.store.AuditEventType;
import org.lexgate.store.FollowUpStopReason;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.Route;
import org.lexgate.trust.directory.RouteMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact-point role toward the provider (DESIGN.md "Cross-border", "The legal basis picks the
 * route"; guidelines §36, §37): a request for a provider that is not this node looks up the routing
 * table by the provider's country and the request's legal basis and either FORWARDS it (the
 * original signed bytes unchanged to the next hop) or GIVES EFFECT to it (its own domestic request
 * to the provider, carrying the original as a Document, {@link GiveEffect}). Each relayed task is
 * recorded with where its answers go back. A preservation for a provider of this node's country
 * starts the follow-up clock (Budapest Convention Art. 29(7)); its release, or a disclosure request
 * that follows it, stops the clock. Updates follow the way their task went.
 */
public final class ContactPointRelay {

    private static final Logger LOG = LoggerFactory.getLogger(ContactPointRelay.class);

    private final PartyId self;
    private final PartyDirectory directory;
    private final CaseBook book;
    private final Outbox outbox;
    private final Hi1Codec codec;
    private final Duration followUpPeriod;

    public ContactPointRelay(PartyId self, PartyDirectory directory, CaseBook book, Outbox outbox, Hi1Codec codec,
            Duration followUpPeriod) {
        this.self = self;
        this.directory = directory;
        this.book = book;
        this.outbox = outbox;
        this.codec = codec;
        this.followUpPeriod = followUpPeriod;
    }

    /** A new request addressed to a provider (not to this node). */
    public void relayRequest(AcceptedInbound in, Hi1View view) throws Exception {
        PartyId provider = view.receiver();
        Optional<String> basis = view.legalBasis();
        Route route = directory.route(self, provider.countryCode(), basis)
                .orElseThrow(() -> new MessageRejectedException(ErrorCode.WRONG_RECEIVER, "no route at " + self
                        + " for " + provider.countryCode() + basis.map(b -> " under " + b).orElse("")));
        String caseRef = view.caseReference().orElse(view.transactionId());
        PartyId previousHop = in.hopNeighbour() == null ? view.sender() : parse(in.hopNeighbour(), view.sender());
        boolean emergency = in.emergency() || view.isEmergency();
        if (route.mode() == RouteMode.GIVE_EFFECT) {
            GiveEffect.Domestic domestic = GiveEffect.build(self, in.signedBytes(), codec, previousHop, in.receivedAt());
            recordTasks(view, domestic, previousHop, route, caseRef);
            SentMessage sent = outbox.send(domestic.message(), emergency, caseRef);
            book.audit(AuditEventType.GIVEN_EFFECT, caseRef, view.sender(), view.transactionId(), "domestic request "
                    + domestic.caseReference() + " (" + sent.transactionId() + ") to " + provider + ", route "
                    + route.describe() + ", the foreign signed request attached as a Document");
            LOG.info("case {}: gave effect to {}'s request with domestic request {} to {} ({})", caseRef, view.sender(),
                    domestic.caseReference(), provider, route.describe());
        } else {
            recordTasks(view, null, previousHop, route, caseRef);
            outbox.forward(in.signedBytes(), route.nextHop(), emergency, caseRef);
            book.audit(AuditEventType.FORWARDED, caseRef, view.sender(), view.transactionId(), "forwarded unchanged to "
                    + route.nextHop() + ", route " + route.describe());
            LOG.info("case {}: forwarded {}'s request to {} ({})", caseRef, view.sender(), route.nextHop(), route.describe());
        }
        if (provider.countryCode().equals(self.countryCode())) {
            startClockForPreservations(view, caseRef);
            stopClockFollowedUp(view);
        }
    }

    /** An update (extension, release, cancellation) addressed to a provider: it follows its task's way. */
    public void relayUpdate(AcceptedInbound in, Hi1View view) throws Exception {
        for (HI1Object update : view.updated()) {
            Optional<TaskRecord> relayed = book.task(update.getObjectIdentifier()).filter(t -> t.relay().isPresent())
                    .or(() -> relayOf(update.getObjectIdentifier()));
            if (relayed.isEmpty()) {
                throw new MessageRejectedException(ErrorCode.UNKNOWN_OBJECT,
                        "update of " + update.getObjectIdentifier() + ", which this contact point did not relay");
            }
            TaskRecord task = relayed.get();
            RelayLink link = task.relay().get();
            String desired = update instanceof LPTaskObject lp ? Hi1View.value(lp.getDesiredStatus()).orElse(null)
                    : update instanceof LDTaskObject ld ? Hi1View.value(ld.getDesiredStatus()).orElse(null) : null;
            if (desired != null) {
                book.changeStatus(task.objectId(), desired, null, null, view.sender());
            }
            if ("Cancelled".equals(desired) && task.isPreservation()) {
                book.store().followUps().stop(task.caseRef(), FollowUpStopReason.PRESERVATION_RELEASED,
                        "released by " + view.sender() + " (" + view.transactionId() + ")");
            }
            if (link.givesEffect()) {
                outbox.send(UpdateTranslation.domestic(self, task, update, view), task.emergency(), task.caseRef());
                book.audit(AuditEventType.GIVEN_EFFECT, task.caseRef(), view.sender(), view.transactionId(),
                        "update of " + link.foreignObjectId() + " given effect as update of " + task.objectId());
            } else {
                outbox.forward(in.signedBytes(), link.nextHop(), in.emergency(), task.caseRef());
                book.audit(AuditEventType.FORWARDED, task.caseRef(), view.sender(), view.transactionId(),
                        "update forwarded unchanged to " + link.nextHop());
            }
        }
    }

    private Optional<TaskRecord> relayOf(String foreignId) {
        try {
            return book.relayOf(foreignId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void recordTasks(Hi1View view, GiveEffect.Domestic domestic, PartyId previousHop, Route route, String caseRef)
            throws Exception {
        view.authorisation().ifPresent(a -> book.recordAuthorisation(a, caseRef, view.sender(), "Approved"));
        for (HI1Object task : view.createdTasks()) {
            boolean ld = task instanceof LDTaskObject;
            String id = task.getObjectIdentifier();
            String relayedId = domestic == null ? id : domestic.domesticToForeign().entrySet().stream()
                    .filter(e -> e.getValue().equals(id)).map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
            String desired = ld ? Hi1View.value(((LDTaskObject) task).getDesiredStatus()).orElse(null)
                    : Hi1View.value(((LPTaskObject) task).getDesiredStatus()).orElse(null);
            RelayLink link = new RelayLink(route.mode().xmlName(), view.sender(), view.transactionId(), id, caseRef,
                    previousHop, route.nextHop());
            book.recordTask(new TaskRecord(relayedId, ld ? "LDTask" : "LPTask", caseRef,
                    view.authorisation().map(HI1Object::getObjectIdentifier).orElse(null), view.sender(),
                    view.transactionId(), ld ? ((LDTaskObject) task).getReference() : task.getExternalIdentifier(),
                    previousHop, view.isEmergency(), desired, null, Optional.empty(), Optional.of(link)),
                    domestic == null ? task : null);
        }
    }

    private void startClockForPreservations(Hi1View view, String caseRef) {
        for (HI1Object task : view.createdTasks()) {
            if (task instanceof LPTaskObject lp) {
                Instant asked = Hi1View.instant(lp.getDesiredPreservationExpiration()).orElse(null);
                Instant minimum = Instant.now().plus(followUpPeriod);
                book.store().followUps().start(caseRef, view.sender().toString(), null,
                        asked == null || asked.isBefore(minimum) ? minimum : asked);
            }
        }
    }

    /** A disclosure that follows a preservation (its AlternativePreservationReference names the LPTask) stops that clock. */
    private void stopClockFollowedUp(Hi1View view) throws Exception {
        for (HI1Object task : view.createdTasks()) {
            if (task instanceof LDTaskObject ld && ld.getAlternativePreservationReferences() != null) {
                for (var ref : ld.getAlternativePreservationReferences().getAlternativePreservationReference()) {
                    Optional<TaskRecord> lp = book.task(ref.getReferenceValue()).or(() -> relayOf(ref.getReferenceValue()));
                    if (lp.isPresent()) {
                        book.store().followUps().stop(lp.get().caseRef(), FollowUpStopReason.MLA_REQUEST_RECEIVED,
                                "disclosure request " + view.caseReference().orElse(view.transactionId())
                                        + " follows the preservation");
                    }
                }
            }
        }
    }

    static PartyId parse(String text, PartyId fallback) {
        try {
            return PartyId.parse(text);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
