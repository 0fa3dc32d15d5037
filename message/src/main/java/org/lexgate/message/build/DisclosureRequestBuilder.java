package org.lexgate.message.build;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lexgate.hi1.core.MessagePayload;
import org.lexgate.hi1.lexgate.DisclosureParameters;
import org.lexgate.hi1.task.AlternativePreservationReference;
import org.lexgate.hi1.task.LDDeadline;
import org.lexgate.hi1.task.LDTaskFlags;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.ListOfAlternativePreservationReferences;
import org.lexgate.hi1.task.ListOfLDDeadlines;

/**
 * A disclosure request: CREATE AuthorisationObject + CREATE LDTaskObject. Also the emergency
 * request ({@link #emergency(String)}), the cross-border request ({@link #crossBorder}) and the
 * disclosure that follows a preservation ({@link #followsPreservation(UUID)}).
 *
 * <p>Required (each missing one fails {@link #build()} naming it): sender, receiver,
 * {@link #reference} (§26, an LDID), {@link #legalBasis} (§26), {@link #data} (§26, §27),
 * {@link #issuedBy} (§24), {@link #priority} (§30; High for an emergency).
 */
public final class DisclosureRequestBuilder extends TaskRequestBuilder<DisclosureRequestBuilder> {

    private String desiredStatus = "AwaitingDisclosure";
    private String linkToOffence;
    private Instant responseDeadline;
    private String emergencyJustification;
    private final List<AlternativePreservationReference> preservations = new ArrayList<>();

    DisclosureRequestBuilder() {
    }

    /** ETSI LDTaskDesiredStatus; default AwaitingDisclosure (approved, awaiting the provider). */
    public DisclosureRequestBuilder desiredStatus(String etsiLdTaskDesiredStatus) {
        this.desiredStatus = Require.text(etsiLdTaskDesiredStatus, "desiredStatus");
        return this;
    }

    /** §28 why the data matters to the investigation (lexgate:DisclosureParameters/LinkToOffence). */
    public DisclosureRequestBuilder linkToOffence(String value) {
        this.linkToOffence = Require.text(value, "linkToOffence");
        return this;
    }

    /** §31, §54 when the answer is needed (LDDeadline, lexgate/NatureOfDeadline Response or Emergency). */
    public DisclosureRequestBuilder responseDeadline(Instant value) {
        this.responseDeadline = Require.arg(value, "responseDeadline");
        return this;
    }

    /**
     * §34 an emergency (life or safety at risk): sets ETSI's IsEmergency flags on the authorisation and
     * the task, ApprovalIsEmergency, priority High, and an Emergency deadline carrying the reason.
     */
    public DisclosureRequestBuilder emergency(String justification) {
        this.emergencyJustification = Require.text(justification, "emergency justification (§34)");
        this.emergency = true;
        return this;
    }

    /** §35 this disclosure follows the preservation whose LPTaskObject has this identifier. */
    public DisclosureRequestBuilder followsPreservation(UUID lpTaskObjectIdentifier) {
        return followsPreservation(Ids.of(Require.arg(lpTaskObjectIdentifier, "followsPreservation")),
                "LPTaskObject ObjectIdentifier", null);
    }

    /** §35 this disclosure follows a preservation known by another reference (e.g. the provider's or the 24/7 network's). */
    public DisclosureRequestBuilder followsPreservation(String referenceValue, String natureOfReference, Instant transmittedAt) {
        AlternativePreservationReference ref = new AlternativePreservationReference();
        ref.setReferenceValue(Require.text(referenceValue, "followsPreservation referenceValue"));
        ref.setNatureOfReference(natureOfReference);
        ref.setTransmissionTime(transmittedAt == null ? null : Times.qualified(transmittedAt));
        preservations.add(ref);
        return this;
    }

    @Override
    MessagePayload payload(Instant now) {
        requireCommon();
        Ids.ldid(reference, "reference (§26 registration number, written as the LDTask Reference)");
        LDTaskObject task = Payloads.owned(new LDTaskObject(), taskId(), sender(), authorisationId());
        task.setReference(reference);
        task.setDesiredStatus(Entries.etsi("LDTaskDesiredStatus", desiredStatus));
        task.setRequestDetails(data.toDisclosureDetails());
        task.setCSPID(provider().toEndpoint());
        if (emergency) {
            LDTaskFlags flags = new LDTaskFlags();
            flags.getLDTaskFlag().add(Entries.etsi("LDTaskFlag", "IsEmergency"));
            task.setFlags(flags);
        }
        if (!preservations.isEmpty()) {
            ListOfAlternativePreservationReferences list = new ListOfAlternativePreservationReferences();
            list.getAlternativePreservationReference().addAll(preservations);
            task.setAlternativePreservationReferences(list);
        }
        task.setNationalLDTaskingParameters(parameters());
        task.setDeadlines(deadlines());
        return Payloads.requests(List.of(Payloads.create(authorisation(now)), Payloads.create(task)));
    }

    private DisclosureParameters parameters() {
        DisclosureParameters p = new DisclosureParameters();
        p.setCountryCode(sender().countryCode());
        p.setDataCategories(data.categoriesXml());
        p.setLinkToOffence(linkToOffence);
        p.setCostReimbursement(costs == null ? null : costs.toXml());
        boolean empty = p.getDataCategories() == null && linkToOffence == null && costs == null;
        return empty ? null : p;
    }

    private ListOfLDDeadlines deadlines() {
        if (!emergency && responseDeadline == null) {
            return null;
        }
        LDDeadline deadline = new LDDeadline();
        deadline.setDateTime(responseDeadline == null ? null : Times.qualified(responseDeadline));
        deadline.setNatureOfDeadline(Entries.lexgate("NatureOfDeadline", emergency ? "Emergency" : "Response"));
        deadline.setOtherInformation(emergencyJustification);
        ListOfLDDeadlines list = new ListOfLDDeadlines();
        list.getLDDeadline().add(deadline);
        return list;
    }
}
