package org.lexgate.adapters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the provider's systems must handle, as the node hands it over through
 * {@link RequestSink#deliver}: what the provider needs to act, taken from a message the node has
 * verified (signature, sender, authority) and durably stored, plus the exact signed bytes of that
 * message for the provider's own verification and archive.
 *
 * <p>The {@link #task()} is the reference both sides quote: every {@link ProviderAnswer} names it.
 * The node may hand over the same request more than once (after a crash or a retry); a back end
 * treats a second delivery of the same task and kind as the same request.
 *
 * @param task               the LDTask or LPTask {@code ObjectIdentifier} the request acts on
 * @param caseReference      the {@code ObjectIdentifier} of the Authorisation (the case) the task belongs to
 * @param requesterReference the requester's own registration number for the request (guideline §26):
 *                           the task's {@code Reference} (LDID) or else the Authorisation's reference
 * @param requester          the verified issuing authority
 * @param kind               what the request asks for
 * @param emergency          whether the requester flagged an emergency ({@code IsEmergency}, guideline §30, §34)
 * @param priority           the requester's priority (guideline §30); {@link Priority#ROUTINE} when none is given
 * @param legalBases         the instruments relied on (guideline §26), possibly empty for a follow-up
 * @param dataCategories     lexgate {@code DataCategory} dictionary values, e.g. {@code SubscriberData}
 * @param identifiers        the identifiers of the data requested (ETSI {@code RequestValues})
 * @param timeWindow         the period the data covers
 * @param deadline           when the requester wants the answer, if it said
 * @param preserveUntil      for a preservation or its extension: until when the data is to be kept
 * @param description        free text the provider's staff need: the data to preserve, manual information
 * @param signedRequest      the signed {@code HI1Message} exactly as received and verified (never re-serialised)
 * @param receivedAt         when the node accepted the message
 */
public record ProviderRequest(
        ObjectIdentifier task,
        ObjectIdentifier caseReference,
        String requesterReference,
        RequestingParty requester,
        RequestKind kind,
        boolean emergency,
        Priority priority,
        List<LegalBasis> legalBases,
        List<String> dataCategories,
        List<TargetIdentifier> identifiers,
        TimeWindow timeWindow,
        Optional<Instant> deadline,
        Optional<Instant> preserveUntil,
        Optional<String> description,
        byte[] signedRequest,
        Instant receivedAt) {

    /** @throws NullPointerException or IllegalArgumentException when a required value is missing */
    public ProviderRequest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(requesterReference, "requesterReference");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        legalBases = List.copyOf(legalBases);
        dataCategories = List.copyOf(dataCategories);
        identifiers = List.copyOf(identifiers);
        Objects.requireNonNull(timeWindow, "timeWindow");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(preserveUntil, "preserveUntil");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(signedRequest, "signedRequest");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (signedRequest.length == 0) {
            throw new IllegalArgumentException("signedRequest is empty");
        }
        signedRequest = signedRequest.clone();
    }

    /** A copy of the signed request bytes. */
    @Override
    public byte[] signedRequest() {
        return signedRequest.clone();
    }

    /** The size of the signed request in bytes, without copying it. */
    public int signedRequestLength() {
        return signedRequest.length;
    }

    /** Whether the back end should handle this request before routine ones: an emergency or {@link Priority#HIGH}. */
    public boolean urgent() {
        return emergency || priority == Priority.HIGH;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderRequest r
                && task.equals(r.task) && caseReference.equals(r.caseReference)
                && requesterReference.equals(r.requesterReference) && requester.equals(r.requester)
                && kind == r.kind && emergency == r.emergency && priority == r.priority
                && legalBases.equals(r.legalBases) && dataCategories.equals(r.dataCategories)
                && identifiers.equals(r.identifiers) && timeWindow.equals(r.timeWindow)
                && deadline.equals(r.deadline) && preserveUntil.equals(r.preserveUntil)
                && description.equals(r.description) && Arrays.equals(signedRequest, r.signedRequest)
                && receivedAt.equals(r.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, kind, Arrays.hashCode(signedRequest));
    }

    @Override
    public String toString() {
        return "ProviderRequest[task=" + task + ", kind=" + kind + ", case=" + caseReference
                + ", requester=" + requester.id() + ", emergency=" + emergency + ", priority=" + priority
                + ", signedRequest=" + signedRequest.length + " bytes]";
    }

    /** A builder; {@link Builder#build()} checks the required values. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ProviderRequest}; lists default to empty, optional values to absent, priority to ROUTINE. */
    public static final class Builder {
        private ObjectIdentifier task;
        private ObjectIdentifier caseReference;
        private String requesterReference;
        private RequestingParty requester;
        private RequestKind kind;
        private boolean emergency;
        private Priority priority = Priority.ROUTINE;
        private final List<LegalBasis> legalBases = new ArrayList<>();
        private final List<String> dataCategories = new ArrayList<>();
        private final List<TargetIdentifier> identifiers = new ArrayList<>();
        private TimeWindow timeWindow = TimeWindow.UNBOUNDED;
        private Instant deadline;
        private Instant preserveUntil;
        private String description;
        private byte[] signedRequest;
        private Instant receivedAt;

        private Builder() {
        }

        public Builder task(ObjectIdentifier v) { task = v; return this; }
        public Builder caseReference(ObjectIdentifier v) { caseReference = v; return this; }
        public Builder requesterReference(String v) { requesterReference = v; return this; }
        public Builder requester(RequestingParty v) { requester = v; return this; }
        public Builder kind(RequestKind v) { kind = v; return this; }
        public Builder emergency(boolean v) { emergency = v; return this; }
        public Builder priority(Priority v) { priority = v; return this; }
        public Builder legalBasis(LegalBasis v) { legalBases.add(v); return this; }
        public Builder dataCategory(String v) { dataCategories.add(v); return this; }
        public Builder identifier(TargetIdentifier v) { identifiers.add(v); return this; }
        public Builder timeWindow(TimeWindow v) { timeWindow = v; return this; }
        /** @param v the deadline, or {@code null} for none */
        public Builder deadline(Instant v) { deadline = v; return this; }
        /** @param v the preservation end, or {@code null} for none */
        public Builder preserveUntil(Instant v) { preserveUntil = v; return this; }
        /** @param v free text, or {@code null} for none */
        public Builder description(String v) { description = v; return this; }
        public Builder signedRequest(byte[] v) { signedRequest = v; return this; }
        public Builder receivedAt(Instant v) { receivedAt = v; return this; }

        public ProviderRequest build() {
            return new ProviderRequest(task, caseReference, requesterReference, requester, kind, emergency,
                    priority, legalBases, dataCategories, identifiers, timeWindow, Optional.ofNullable(deadline),
                    Optional.ofNullable(preserveUntil), Optional.ofNullable(description), signedRequest, receivedAt);
        }
    }
}
