package org.lexgate.gateway.role;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.lexgate.trust.directory.PartyId;

/**
 * What a node keeps about one task (LDTask or LPTask) it acts on: who asked, under which case and
 * registration number, the two-sided status (DesiredStatus from the requester, Status from the
 * provider), and for a relayed task where answers go back.
 *
 * @param objectId the task's ObjectIdentifier as this node's peer on the provider side knows it
 * @param objectType {@code LDTask} or {@code LPTask}
 * @param caseRef the case: the requester's registration number (AuthorisationReference, §26)
 * @param authorisationId the Authorisation's ObjectIdentifier
 * @param requester the party that asked (header sender of the request this node received)
 * @param requestTransactionId the TransactionIdentifier of that request
 * @param reference the task's own registration number (LDTask Reference / LPTask ExternalIdentifier)
 * @param replyVia the neighbour answers go back through (answers travel back the same way)
 * @param emergency whether the request was an emergency
 * @param desiredStatus ETSI DesiredStatus (the requester's side)
 * @param status ETSI Status (the provider's side), null while unknown
 * @param preservedUntil for a preservation, until when the provider keeps the data
 * @param relay for a contact point, the foreign request this task relays or gives effect to
 */
public record TaskRecord(
        String objectId,
        String objectType,
        String caseRef,
        String authorisationId,
        PartyId requester,
        String requestTransactionId,
        String reference,
        PartyId replyVia,
        boolean emergency,
        String desiredStatus,
        String status,
        Optional<Instant> preservedUntil,
        Optional<RelayLink> relay) {

    public TaskRecord {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(preservedUntil, "preservedUntil");
        Objects.requireNonNull(relay, "relay");
    }

    public boolean isPreservation() {
        return "LPTask".equals(objectType);
    }

    public TaskRecord withStatus(String newStatus) {
        return new TaskRecord(objectId, objectType, caseRef, authorisationId, requester, requestTransactionId, reference,
                replyVia, emergency, desiredStatus, newStatus, preservedUntil, relay);
    }

    public TaskRecord withDesiredStatus(String newDesired) {
        return new TaskRecord(objectId, objectType, caseRef, authorisationId, requester, requestTransactionId, reference,
                replyVia, emergency, newDesired, status, preservedUntil, relay);
    }

    public TaskRecord withPreservedUntil(Instant until) {
        return new TaskRecord(objectId, objectType, caseRef, authorisationId, requester, requestTransactionId, reference,
                replyVia, emergency, desiredStatus, status, Optional.ofNullable(until), relay);
    }

    /**
     * How a contact point relayed a task (DESIGN.md "Cross-border").
     *
     * @param mode {@code forward} (the original signed request travelled on unchanged; the task id is
     *        the same on both sides) or {@code give-effect} (this node issued its own domestic request)
     * @param foreignRequester who sent the original request
     * @param foreignTransactionId its TransactionIdentifier
     * @param foreignObjectId the task's ObjectIdentifier in the original request
     * @param foreignCaseRef the original request's registration number
     * @param previousHop where the original came from, and where answers go back to
     * @param nextHop where it went
     */
    public record RelayLink(String mode, PartyId foreignRequester, String foreignTransactionId, String foreignObjectId,
            String foreignCaseRef, PartyId previousHop, PartyId nextHop) {

        public boolean givesEffect() {
            return "give-effect".equals(mode);
        }
    }
}
