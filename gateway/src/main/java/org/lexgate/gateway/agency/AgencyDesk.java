package org.lexgate.gateway.agency;

import java.util.List;
import java.util.Optional;
import org.lexgate.gateway.outbound.MessageSender.SentMessage;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.gateway.role.CaseBook;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.gateway.role.Outbox;
import org.lexgate.gateway.role.StatusReport;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.delivery.Delivery;
import org.lexgate.hi1.delivery.DeliveryObject;
import org.lexgate.hi1.document.DocumentObject;
import org.lexgate.hi1.lexgate.Refusal;
import org.lexgate.hi1.lexgate.RequestReference;
import org.lexgate.hi1.notification.NotificationObject;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.LPTaskObject;
import org.lexgate.message.build.DeliveryBuilder;
import org.lexgate.store.AuditEventType;
import org.lexgate.trust.directory.PartyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agency role (and a contact point acting for its own police): records the requests it issues
 * with the requester's side of the status (DesiredStatus), and the answers it receives against its
 * cases with the provider's side (Status): a delivery sets {@code Disclosed} (its SHA-256 checksum
 * checked first) or {@code DisclosureNotAvailable}; a refusal sets {@code Rejected} and keeps the
 * reason and explanation (§57) in the trail; a status notification sets what it reports (e.g.
 * LPTask {@code Preserved} until a date, which starts the agency's own follow-up clock, §35, §37).
 */
public final class AgencyDesk {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyDesk.class);

    private final PartyId self;
    private final CaseBook book;
    private final Outbox outbox;

    public AgencyDesk(PartyId self, CaseBook book, Outbox outbox) {
        this.self = self;
        this.book = book;
        this.outbox = outbox;
    }

    /**
     * Issues a request: records its case and tasks (DesiredStatus as asked, Status unknown) and sends
     * it; the routing table picks the way (§36). Updates (extension, release) are recorded too, all
     * in one transaction that commits before the send (the trail shows the case, then QUEUED); a
     * submit repeated after a failed send records nothing twice.
     */
    public SentMessage submit(HI1Message unsigned) throws Exception {
        Hi1View view = new Hi1View(unsigned);
        String caseRef = book.inTransaction(c -> record(view));
        return outbox.send(unsigned, view.isEmergency(), caseRef);
    }

    /** The case, its tasks and the updates it asks for, in one transaction; returns the case reference. */
    private String record(Hi1View view) throws Exception {
        String caseRef = caseOf(view);
        Optional<AuthorisationObject> auth = view.authorisation();
        auth.ifPresent(a -> book.recordAuthorisation(a, caseRef, self, null));
        for (HI1Object task : view.createdTasks()) {
            boolean ld = task instanceof LDTaskObject;
            String desired = ld ? Hi1View.value(((LDTaskObject) task).getDesiredStatus()).orElse(null)
                    : Hi1View.value(((LPTaskObject) task).getDesiredStatus()).orElse(null);
            book.recordTask(new TaskRecord(task.getObjectIdentifier(), ld ? "LDTask" : "LPTask", caseRef,
                    auth.map(HI1Object::getObjectIdentifier).orElse(null), self, view.transactionId(),
                    ld ? ((LDTaskObject) task).getReference() : task.getExternalIdentifier(), null, view.isEmergency(),
                    desired, null, Optional.empty(), Optional.empty()), task);
        }
        for (HI1Object task : view.createdTasks()) {
            if (task instanceof LDTaskObject ld && ld.getAlternativePreservationReferences() != null) {
                for (var ref : ld.getAlternativePreservationReferences().getAlternativePreservationReference()) {
                    Optional<TaskRecord> lp = book.task(ref.getReferenceValue());
                    if (lp.isPresent()) {
                        book.store().followUps().stop(lp.get().caseRef(), org.lexgate.store.FollowUpStopReason.MLA_REQUEST_RECEIVED,
                                "disclosure request " + caseRef + " issued for the preserved data");
                    }
                }
            }
        }
        for (HI1Object update : view.updated()) {
            String desired = update instanceof LPTaskObject lp ? Hi1View.value(lp.getDesiredStatus()).orElse(null)
                    : update instanceof LDTaskObject ld ? Hi1View.value(ld.getDesiredStatus()).orElse(null) : null;
            if (desired != null && book.task(update.getObjectIdentifier()).isPresent()) {
                book.changeStatus(update.getObjectIdentifier(), desired, null, null, self);
                if ("Cancelled".equals(desired)) {
                    book.store().followUps().stop(caseRef, org.lexgate.store.FollowUpStopReason.PRESERVATION_RELEASED,
                            "released by " + self);
                }
            }
        }
        return caseRef;
    }

    /** The case a message of this agency belongs to: its registration number, else the task it updates. */
    private String caseOf(Hi1View view) throws Exception {
        Optional<String> ref = view.caseReference();
        if (ref.isPresent()) {
            return ref.get();
        }
        for (String id : view.referencedObjects()) {
            Optional<TaskRecord> t = book.task(id);
            if (t.isPresent()) {
                return t.get().caseRef();
            }
        }
        return view.transactionId();
    }

    /** A delivery, notification or document addressed to this node. */
    public void onAnswer(AcceptedInbound in, Hi1View view) throws Exception {
        for (DeliveryObject d : view.deliveries()) {
            delivery(view, d);
        }
        for (NotificationObject n : view.notifications()) {
            notification(view, n);
        }
        for (DocumentObject doc : view.documents()) {
            String owner = related(view, doc).map(TaskRecord::caseRef).orElse(view.transactionId());
            book.audit(AuditEventType.RECEIVED, owner, view.sender(), view.transactionId(), "document '" + doc.getDocumentName()
                    + "' attached, " + (doc.getDocumentBody() == null ? 0 : doc.getDocumentBody().getContents().length)
                    + " bytes, SHA-256 " + (doc.getDocumentBody() == null ? "-" : doc.getDocumentBody().getChecksum()));
        }
    }

    private void delivery(Hi1View view, DeliveryObject d) throws Exception {
        TaskRecord task = taskFor(view, d, "LDTask");
        Delivery content = d.getDelivery();
        String status;
        String detail;
        if (content != null && Boolean.FALSE.equals(content.isDataExistence())) {
            status = "DisclosureNotAvailable";
            detail = "data existence: no data held";
        } else if (content != null && content.getBinaryData() != null) {
            byte[] data = content.getBinaryData().getData();
            String sha = DeliveryBuilder.sha256(data);
            boolean ok = sha.equalsIgnoreCase(content.getBinaryData().getChecksum());
            status = ok ? "Disclosed" : "Error";
            detail = data.length + " bytes " + content.getBinaryData().getContentType() + ", SHA-256 "
                    + (ok ? "checked " + sha : "MISMATCH: computed " + sha + ", stated " + content.getBinaryData().getChecksum());
            if (!ok) {
                LOG.warn("delivery for task {} from {}: checksum mismatch", task.objectId(), view.sender());
            }
        } else {
            status = "Disclosed";
            detail = content != null && Boolean.TRUE.equals(content.isDataExistence()) ? "data existence: data held"
                    : "data delivered inline";
        }
        book.changeStatus(task.objectId(), null, status, null, view.sender());
        book.audit(AuditEventType.RECEIVED, task.caseRef(), view.sender(), view.transactionId(),
                "delivery for " + task.objectType() + " " + task.objectId() + ": " + detail);
        book.store().followUps().stop(task.caseRef(), org.lexgate.store.FollowUpStopReason.MLA_REQUEST_RECEIVED,
                "data disclosed");
    }

    private void notification(Hi1View view, NotificationObject n) throws Exception {
        Optional<StatusReport> report = StatusReport.parse(n.getNotificationDetails());
        Optional<Refusal> refusal = view.refusal();
        String type = Hi1View.value(n.getNotificationType()).orElse("General");
        Optional<TaskRecord> reported = report.flatMap(this::knownTask);
        TaskRecord task = reported.isPresent() ? reported.get()
                : taskFor(view, n, report.map(StatusReport::objectType).orElse("LDTask"));
        if (refusal.isPresent()) {
            book.changeStatus(task.objectId(), null, "Rejected", null, view.sender());
            book.audit(AuditEventType.RECEIVED, task.caseRef(), view.sender(), view.transactionId(), "refusal of "
                    + task.objectType() + " " + task.objectId() + ": " + refusal.get().getReason().getValue() + " - "
                    + refusal.get().getExplanation());
            book.store().followUps().stop(task.caseRef(), org.lexgate.store.FollowUpStopReason.WITHDRAWN, "refused");
            return;
        }
        if (report.isPresent()) {
            StatusReport r = report.get();
            book.changeStatus(task.objectId(), null, r.status(), r.until().orElse(null), view.sender());
            if (task.isPreservation() && "Preserved".equals(r.status())) {
                book.store().followUps().start(task.caseRef(), self.toString(), null, r.until().orElse(null));
            }
        }
        if ("PreservationExpiring".equals(type) || "MLAFollowUpDue".equals(type)) {
            LOG.warn("case {}: {} from {}: {}", task.caseRef(), type, view.sender(), n.getNotificationDetails());
        }
        book.audit(AuditEventType.RECEIVED, task.caseRef(), view.sender(), view.transactionId(),
                type + " notification: " + n.getNotificationDetails());
    }

    private Optional<TaskRecord> knownTask(StatusReport r) {
        try {
            return book.task(r.objectId());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Optional<TaskRecord> related(Hi1View view, HI1Object o) throws Exception {
        if (o.getAssociatedObjects() != null) {
            for (String id : o.getAssociatedObjects().getAssociatedObject()) {
                Optional<TaskRecord> t = book.task(id);
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        for (String id : view.referencedObjects()) {
            Optional<TaskRecord> t = book.task(id);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** The task an answer is about; recorded now when this node did not record the request (e.g. `lexgate send`). */
    private TaskRecord taskFor(Hi1View view, HI1Object answer, String type) throws Exception {
        Optional<TaskRecord> known = related(view, answer);
        if (known.isPresent()) {
            return known.get();
        }
        List<String> about = answer.getAssociatedObjects() == null ? List.of() : answer.getAssociatedObjects().getAssociatedObject();
        Optional<RequestReference> rel = view.relatedRequest();
        String id = about.isEmpty() ? rel.map(RequestReference::getObjectIdentifier).orElse(answer.getObjectIdentifier()) : about.get(0);
        String caseRef = rel.map(RequestReference::getReference).orElse(id);
        return book.recordTask(new TaskRecord(id, type, caseRef, null, self,
                rel.map(RequestReference::getTransactionIdentifier).orElse(null), caseRef, null, false, null, null,
                Optional.empty(), Optional.empty()), null);
    }

    /** For tests and the demo: the task's current record. */
    public Optional<TaskRecord> task(String objectId) throws Exception {
        return book.task(objectId);
    }
}
