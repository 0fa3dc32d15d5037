package org.lexgate.gateway.provider;

import java.util.List;
import java.util.Optional;
import org.lexgate.adapters.Adapter;
import org.lexgate.adapters.PermanentAdapterException;
import org.lexgate.adapters.ProviderRequest;
import org.lexgate.adapters.RequestKind;
import org.lexgate.adapters.TransientAdapterException;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.gateway.role.CaseBook;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.gateway.role.Outbox;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.LPTaskObject;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.store.AuditEventType;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider role, inbound side: records each new task with its status (LDTask
 * {@code AwaitingDisclosure}, LPTask {@code AwaitingPreservation}, Authorisation {@code Approved})
 * and hands it to the provider's systems through the adapter (file drop by default); an update
 * (extension, release, cancellation) changes the requester's side of the status, goes to the back
 * end too, and a release or cancellation is confirmed to the requester with a status notification
 * ({@code Cancelled}). Answers come back through {@link AnswerPoller}.
 */
public final class ProviderDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDesk.class);

    private final PartyId self;
    private final PartyDirectory directory;
    private final CaseBook book;
    private final Outbox outbox;
    private final Adapter adapter;

    public ProviderDesk(PartyId self, PartyDirectory directory, CaseBook book, Outbox outbox, Adapter adapter) {
        this.self = self;
        this.directory = directory;
        this.book = book;
        this.outbox = outbox;
        this.adapter = adapter;
    }

    /** A new disclosure or preservation request addressed to this provider. */
    public void onRequest(AcceptedInbound in, Hi1View view) throws Exception {
        AuthorisationObject auth = view.authorisation().orElseThrow();
        String caseRef = view.caseReference().orElse(auth.getObjectIdentifier());
        PartyId replyVia = in.hopNeighbour() == null ? view.sender() : parseOr(in.hopNeighbour(), view.sender());
        book.recordAuthorisation(auth, caseRef, view.sender(), "Approved");
        for (HI1Object task : view.createdTasks()) {
            boolean ld = task instanceof LDTaskObject;
            String desired = ld ? Hi1View.value(((LDTaskObject) task).getDesiredStatus()).orElse("AwaitingDisclosure")
                    : Hi1View.value(((LPTaskObject) task).getDesiredStatus()).orElse("Preserved");
            String reference = ld ? ((LDTaskObject) task).getReference() : task.getExternalIdentifier();
            TaskRecord record = book.recordTask(new TaskRecord(task.getObjectIdentifier(), ld ? "LDTask" : "LPTask", caseRef,
                    auth.getObjectIdentifier(), view.sender(), view.transactionId(), reference != null ? reference : caseRef,
                    replyVia, in.emergency() || view.isEmergency(), desired, ld ? "AwaitingDisclosure" : "AwaitingPreservation",
                    Optional.empty(), Optional.empty()), task);
            ProviderRequest request = ProviderRequests.forNewTask(view, task, directory, in.signedBytes(), in.receivedAt());
            handOver(request, record, view);
        }
    }

    /** An UPDATE of a task this provider holds: extension, release or cancellation (§35). */
    public void onUpdate(AcceptedInbound in, Hi1View view) throws Exception {
        for (HI1Object update : view.updated()) {
            List<TaskRecord> targets = targets(update);
            if (targets.isEmpty()) {
                throw new MessageRejectedException(ErrorCode.UNKNOWN_OBJECT,
                        "UPDATE of " + update.getObjectIdentifier() + ", which this provider does not hold");
            }
            for (TaskRecord task : targets) {
                if (!task.requester().equals(view.sender())) {
                    throw new MessageRejectedException(ErrorCode.NOT_AUTHORISED, view.sender()
                            + " updates task " + task.objectId() + " of " + task.requester());
                }
                RequestKind kind = kind(update);
                String desired = kind == RequestKind.PRESERVATION_EXTENSION ? "Preserved" : "Cancelled";
                book.changeStatus(task.objectId(), desired, null, null, view.sender());
                ProviderRequest request = ProviderRequests.forUpdate(view, update instanceof AuthorisationObject
                        ? null : update, kind, task, directory, in.signedBytes(), in.receivedAt());
                handOver(request, task, view);
                if (kind != RequestKind.PRESERVATION_EXTENSION) {
                    confirmCancelled(task, kind);
                }
            }
        }
    }

    private List<TaskRecord> targets(HI1Object update) throws Exception {
        if (update instanceof AuthorisationObject) {
            return book.tasksOfCase(book.task(update.getObjectIdentifier()).map(TaskRecord::caseRef)
                    .orElse(update.getObjectIdentifier())).stream()
                    .filter(t -> update.getObjectIdentifier().equals(t.authorisationId())).toList();
        }
        return book.task(update.getObjectIdentifier()).stream().toList();
    }

    private static RequestKind kind(HI1Object update) {
        if (update instanceof LPTaskObject lp) {
            return "Cancelled".equals(Hi1View.value(lp.getDesiredStatus()).orElse(""))
                    ? RequestKind.PRESERVATION_RELEASE : RequestKind.PRESERVATION_EXTENSION;
        }
        return RequestKind.CANCELLATION;
    }

    private void handOver(ProviderRequest request, TaskRecord task, Hi1View view) throws Exception {
        try {
            adapter.requests().deliver(request);
            book.audit(AuditEventType.HANDED_TO_BACKEND, task.caseRef(), view.sender(), view.transactionId(),
                    request.kind().slug() + " of " + task.objectType() + " " + task.objectId() + " to " + adapter.name());
        } catch (TransientAdapterException e) {
            throw e; // the processing route retries with backoff; nothing changed
        } catch (PermanentAdapterException e) {
            LOG.error("back end refused {} of task {} for good: {}", request.kind().slug(), task.objectId(), e.getMessage());
            book.changeStatus(task.objectId(), null, "Error", null, self);
            outbox.reply(StandardResponses.status(self, task, "Error", "the provider's systems could not take the request",
                    java.time.Instant.now()), task.replyVia(), task.emergency(), task.caseRef());
        }
    }

    private void confirmCancelled(TaskRecord task, RequestKind kind) throws Exception {
        if (book.changeStatus(task.objectId(), null, "Cancelled", null, self).changed()) {
            String note = kind == RequestKind.PRESERVATION_RELEASE ? "preserved data released" : "task cancelled";
            outbox.reply(StandardResponses.status(self, task, "Cancelled", note, java.time.Instant.now()),
                    task.replyVia(), task.emergency(), task.caseRef());
        }
    }

    static PartyId parseOr(String text, PartyId fallback) {
        try {
            return PartyId.parse(text);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
