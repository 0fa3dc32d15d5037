package org.lexgate.gateway.relay;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.gateway.role.CaseBook;
import org.lexgate.gateway.role.Hi1Parts;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.gateway.role.Outbox;
import org.lexgate.gateway.role.StatusReport;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.gateway.role.TaskRecord.RelayLink;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.delivery.DeliveryObject;
import org.lexgate.hi1.lexgate.Refusal;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.NotificationBuilder;
import org.lexgate.message.build.Party;
import org.lexgate.message.build.RefusalReason;
import org.lexgate.message.build.RequestRef;
import org.lexgate.store.AuditEventType;
import org.lexgate.store.FollowUpStopReason;
import org.lexgate.trust.directory.PartyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers travel back the way their request came (DESIGN.md "Cross-border"):
 * <ul>
 *   <li>an answer to a FORWARDED request (addressed to the foreign requester, passing through this
 *       contact point) is forwarded unchanged to the neighbour the request came from;</li>
 *   <li>an answer to a request this contact point GAVE EFFECT to (addressed to this node) becomes
 *       this node's answer to the foreign requester about the foreign task — the delivery's data
 *       as a DELIVER, a refusal with the provider's reason and explanation (§57), or the status —
 *       with the provider's signed answer attached byte for byte as a Document, so the requester
 *       holds the provider's own proof.</li>
 * </ul>
 * Either way the relayed task's Status is updated at this node too.
 */
public final class AnswerRelay {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerRelay.class);
    private static final Pattern LDID = Pattern.compile("[A-Z]{2}-[^-]+-.+");

    private final PartyId self;
    private final CaseBook book;
    private final Outbox outbox;

    public AnswerRelay(PartyId self, CaseBook book, Outbox outbox) {
        this.self = self;
        this.book = book;
        this.outbox = outbox;
    }

    /** The relayed task an answer is about, if this node relayed it. */
    public Optional<TaskRecord> relayedTask(Hi1View view) throws Exception {
        for (String id : view.referencedObjects()) {
            Optional<TaskRecord> t = book.task(id).filter(r -> r.relay().isPresent());
            if (t.isPresent()) {
                return t;
            }
        }
        Optional<StatusReport> report = view.notifications().stream()
                .map(n -> StatusReport.parse(n.getNotificationDetails())).flatMap(Optional::stream).findFirst();
        if (report.isPresent()) {
            return book.task(report.get().objectId()).filter(r -> r.relay().isPresent());
        }
        return Optional.empty();
    }

    /**
     * A notification naming the mutual-legal-assistance request that follows a preservation (lexgate
     * MutualLegalAssistance with its reference, e.g. type MLASubmitted) stops the case's follow-up
     * clock (Budapest Convention Art. 29(7), §37).
     */
    public void noteMlaReference(Hi1View view) throws Exception {
        Optional<String> mla = view.notifications().stream().map(n -> n.getNationalNotificationParameters())
                .filter(org.lexgate.hi1.lexgate.NotificationParameters.class::isInstance)
                .map(p -> ((org.lexgate.hi1.lexgate.NotificationParameters) p).getMutualLegalAssistance())
                .filter(m -> m != null && m.getReference() != null).map(m -> m.getReference()).findFirst();
        if (mla.isEmpty()) {
            return;
        }
        for (String id : view.referencedObjects()) {
            Optional<TaskRecord> t = book.task(id).or(() -> relayOfQuietly(id));
            if (t.isPresent()) {
                book.store().followUps().stop(t.get().caseRef(), FollowUpStopReason.MLA_REQUEST_RECEIVED,
                        "mutual legal assistance request " + mla.get() + " notified by " + view.sender());
            }
        }
    }

    private Optional<TaskRecord> relayOfQuietly(String id) {
        try {
            return book.relayOf(id);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * A message passing through about a relayed task: from the requester's side it goes on toward
     * the provider (e.g. the MLA notification); from the provider's side it goes back, unchanged,
     * the way the request came.
     */
    public void relayBack(AcceptedInbound in, Hi1View view) throws Exception {
        noteMlaReference(view);
        Optional<TaskRecord> task = relayedTask(view);
        boolean towardProvider = task.flatMap(TaskRecord::relay).map(l -> l.foreignRequester().equals(view.sender()))
                .orElse(false);
        PartyId back = towardProvider ? task.get().relay().get().nextHop()
                : task.flatMap(TaskRecord::relay).map(RelayLink::previousHop).orElse(view.receiver());
        String caseRef = task.map(TaskRecord::caseRef).orElse(view.transactionId());
        if (!towardProvider) {
            task.ifPresent(t -> updateStatus(t, view));
        }
        outbox.forward(in.signedBytes(), back, in.emergency() || task.map(TaskRecord::emergency).orElse(false), caseRef);
        book.audit(AuditEventType.FORWARDED, caseRef, view.sender(), view.transactionId(),
                view.kind() + " from " + view.sender() + " for " + view.receiver() + " forwarded unchanged to " + back
                        + (task.isEmpty() ? " (no relay record: straight to the receiver)" : ""));
    }

    /** An answer to a domestic request this node issued giving effect to a foreign one. */
    public void answerForeign(AcceptedInbound in, Hi1View view, TaskRecord task) throws Exception {
        RelayLink link = task.relay().orElseThrow();
        Party me = Party.of(self.countryCode(), self.uniqueIdentifier());
        Party requester = Party.of(link.foreignRequester().countryCode(), link.foreignRequester().uniqueIdentifier());
        UUID foreignTask = UUID.fromString(link.foreignObjectId());
        String status = updateStatus(task, view);
        RequestRef related = RequestRef.of(requester, UUID.fromString(link.foreignTransactionId())).object(foreignTask)
                .reference(link.foreignCaseRef());
        String provider = view.sender().toString();
        for (DeliveryObject d : view.deliveries()) {
            HI1Message deliver = Hi1Messages.delivery().from(me).to(requester)
                    .transactionId(Hi1Parts.stableId("relay-delivery", self.toString(), view.sender().toString(),
                            view.transactionId(), d.getObjectIdentifier()))
                    .answering(foreignTask, ldid(task))
                    .dataExistence(true).build();
            DeliveryObject mine = (DeliveryObject) deliver.getPayload().getRequestPayload().getActionRequests()
                    .getActionRequest().get(0).getDELIVER().getHI1Object();
            mine.setDelivery(d.getDelivery());
            mine.setManifest(d.getManifest());
            mine.setDeliveryID(d.getDeliveryID());
            mine.setSequenceNumber(d.getSequenceNumber());
            mine.setLastSequence(d.isLastSequence());
            outbox.reply(deliver, link.previousHop(), task.emergency(), task.caseRef());
        }
        NotificationBuilder note;
        Optional<Refusal> refusal = view.refusal();
        String text = new StatusReport(task.objectType(), link.foreignObjectId(), status == null ? "Disclosed" : status,
                task.preservedUntil(), Optional.of("answered by " + provider + "; its signed answer is attached")).text();
        if (refusal.isPresent()) {
            note = Hi1Messages.refusal().refusal(RefusalReason.valueOf(reasonName(refusal.get())), refusal.get().getExplanation());
        } else {
            note = Hi1Messages.statusNotification();
        }
        HI1Message message = note.from(me).to(requester)
                .transactionId(Hi1Parts.stableId("relay-answer", self.toString(), view.sender().toString(), view.transactionId()))
                .about(foreignTask).relatedRequest(related).details(text).build();
        Hi1Parts.appendCreates(message, Hi1Parts.signedDocument(
                Hi1Parts.stableId("relay-document", self.toString(), view.sender().toString(), view.transactionId()).toString(),
                self, in.signedBytes(), "Signed answer of " + provider + " to domestic request " + task.reference(),
                Hi1Parts.reference(view.sender(), view.transactionId(), null, task.reference()), in.receivedAt(),
                link.foreignObjectId()));
        var sent = outbox.reply(message, link.previousHop(), task.emergency(), task.caseRef());
        book.audit(AuditEventType.GIVEN_EFFECT, task.caseRef(), view.sender(), view.transactionId(), "answer of "
                + provider + " to domestic task " + task.objectId() + " relayed to " + link.foreignRequester() + " (next hop "
                + sent.destination() + ") as the answer to task " + link.foreignObjectId() + ", signed answer attached");
        LOG.info("case {}: relayed {}'s answer ({}) to {}", task.caseRef(), provider, view.kind(), link.foreignRequester());
    }

    /** The Status an answer gives the relayed task; updates the record and returns it (null: unchanged). */
    private String updateStatus(TaskRecord task, Hi1View view) {
        try {
            String status = null;
            java.time.Instant until = null;
            if (!view.deliveries().isEmpty()) {
                var content = view.deliveries().get(0).getDelivery();
                status = content != null && Boolean.FALSE.equals(content.isDataExistence()) ? "DisclosureNotAvailable" : "Disclosed";
            } else if (view.refusal().isPresent()) {
                status = "Rejected";
            } else {
                Optional<StatusReport> r = view.notifications().stream()
                        .map(n -> StatusReport.parse(n.getNotificationDetails())).flatMap(Optional::stream).findFirst();
                if (r.isPresent()) {
                    status = r.get().status();
                    until = r.get().until().orElse(null);
                }
            }
            if (status != null) {
                return book.changeStatus(task.objectId(), null, status, until, view.sender()).task().status();
            }
            return task.status();
        } catch (Exception e) {
            throw new IllegalStateException("cannot update task " + task.objectId(), e);
        }
    }

    private static String ldid(TaskRecord task) {
        String ref = task.reference();
        return ref != null && LDID.matcher(ref).matches() ? ref : task.relay().get().foreignRequester().countryCode()
                + "-RELAY-" + task.objectId().substring(0, 8);
    }

    private static String reasonName(Refusal refusal) {
        String value = refusal.getReason().getValue();
        for (RefusalReason r : RefusalReason.values()) {
            if (r.value().equals(value)) {
                return r.name();
            }
        }
        return RefusalReason.OTHER.name();
    }
}
