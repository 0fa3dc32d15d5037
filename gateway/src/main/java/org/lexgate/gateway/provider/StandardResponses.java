package org.lexgate.gateway.provider;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.lexgate.adapters.DataAnswer;
import org.lexgate.adapters.DataExistenceAnswer;
import org.lexgate.adapters.DataFormat;
import org.lexgate.adapters.PreservationConfirmed;
import org.lexgate.adapters.ProviderAnswer;
import org.lexgate.adapters.RefusalAnswer;
import org.lexgate.gateway.role.Hi1Parts;
import org.lexgate.gateway.role.StatusReport;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.build.DeliveryBuilder;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.Party;
import org.lexgate.message.build.RefusalReason;
import org.lexgate.message.build.RequestRef;
import org.lexgate.message.xml.HardenedXml;
import org.lexgate.trust.directory.PartyId;
import org.w3c.dom.Document;

/**
 * The provider's answer in the standard response format (guideline §53): a DELIVER with the data
 * inline and its SHA-256 checksum, or with DataExistence; a status notification (LPTask Preserved
 * until ...); or a refusal with lexgate's RefusalReason and the explanation (§57).
 *
 * <p>The TransactionIdentifier derives from the back end's answer id, so a response produced again
 * after a crash has the same business key: the requester's node gives it one effect.
 */
final class StandardResponses {

    private StandardResponses() {
    }

    /** The TransactionIdentifier of the response to one back-end answer. */
    static UUID transactionFor(PartyId self, String answerId) {
        return Hi1Parts.stableId("provider-answer", self.toString(), answerId);
    }

    /** What the answer does to the task: the new ETSI Status. */
    static String statusAfter(ProviderAnswer answer, TaskRecord task) {
        if (answer instanceof DataExistenceAnswer e) {
            return e.exists() ? "Disclosed" : "DisclosureNotAvailable";
        }
        if (answer instanceof PreservationConfirmed) {
            return "Preserved";
        }
        return answer instanceof RefusalAnswer ? "Rejected" : "Disclosed";
    }

    static HI1Message build(PartyId self, TaskRecord task, String answerId, ProviderAnswer answer) throws MessageRejectedException {
        Party from = party(self);
        Party to = party(task.requester());
        UUID tx = transactionFor(self, answerId);
        UUID taskId = UUID.fromString(task.objectId());
        RequestRef related = RequestRef.of(to, UUID.fromString(task.requestTransactionId())).object(taskId);
        if (task.reference() != null && !task.reference().isBlank()) {
            related = related.reference(task.reference());
        }
        if (answer instanceof DataAnswer d) {
            return data(Hi1Messages.delivery().from(from).to(to).transactionId(tx).answering(taskId, task.reference()), d).build();
        }
        if (answer instanceof DataExistenceAnswer e) {
            return Hi1Messages.delivery().from(from).to(to).transactionId(tx)
                    .answering(taskId, task.reference()).dataExistence(e.exists()).build();
        }
        if (answer instanceof PreservationConfirmed p) {
            return Hi1Messages.statusNotification().from(from).to(to).transactionId(tx)
                    .about(taskId).relatedRequest(related)
                    .details(new StatusReport("LPTask", task.objectId(), "Preserved", Optional.of(p.preservedUntil()),
                            p.note()).text())
                    .build();
        }
        RefusalAnswer r = (RefusalAnswer) answer;
        return Hi1Messages.refusal().from(from).to(to).transactionId(tx)
                .about(taskId).relatedRequest(related)
                .details(new StatusReport(task.objectType(), task.objectId(), "Rejected", Optional.empty(),
                        Optional.of(r.reason().value() + " - " + r.explanation())).text())
                .refusal(RefusalReason.valueOf(r.reason().name()), r.explanation())
                .build();
    }

    /** A status notification the provider pushes when a task's Status changes without an answer (release, cancellation, expiry). */
    static HI1Message status(PartyId self, TaskRecord task, String status, String note, Instant at) {
        Party to = party(task.requester());
        RequestRef related = RequestRef.of(to, UUID.fromString(task.requestTransactionId())).object(UUID.fromString(task.objectId()));
        if (task.reference() != null && !task.reference().isBlank()) {
            related = related.reference(task.reference());
        }
        return Hi1Messages.statusNotification().from(party(self)).to(to)
                .transactionId(Hi1Parts.stableId("status", self.toString(), task.objectId(), status))
                .about(UUID.fromString(task.objectId()))
                .relatedRequest(related)
                .details(new StatusReport(task.objectType(), task.objectId(), status, Optional.empty(), Optional.ofNullable(note)).text())
                .at(at)
                .build();
    }

    private static DeliveryBuilder data(DeliveryBuilder b, DataAnswer d) throws MessageRejectedException {
        if (d.format() == DataFormat.XML) {
            Document doc = HardenedXml.parse(d.content());
            String ns = doc.getDocumentElement().getNamespaceURI();
            if (ns != null && !ns.startsWith("http://uri.etsi.org/03120/")) {
                return b.manifestSchema(ns).xml(doc.getDocumentElement());
            }
        }
        return b.binary(d.content(), d.mediaType(), null);
    }

    static Party party(PartyId id) {
        return Party.of(id.countryCode(), id.uniqueIdentifier());
    }
}
