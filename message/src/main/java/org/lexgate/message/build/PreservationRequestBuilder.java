package org.lexgate.message.build;

import java.time.Instant;
import java.util.List;
import org.lexgate.hi1.core.MessagePayload;
import org.lexgate.hi1.lexgate.PreservationParameters;
import org.lexgate.hi1.task.LPTaskObject;

/**
 * A preservation request: CREATE AuthorisationObject + CREATE LPTaskObject (DesiredStatus
 * Preserved, DesiredPreservationExpiration) carrying {@code lexgate:PreservationParameters} with
 * the content Budapest Convention Art. 29(2) requires: (b) the offence and a summary of the facts,
 * (c) the data to preserve and its link to the offence, (d) any information on the custodian or
 * location, (e) why preservation is necessary, (f) whether an MLA request will follow (§37).
 *
 * <p>Required: the common fields of {@link TaskRequestBuilder} (§24, §26, §27, §30), plus
 * {@link #offence}, {@link #summaryOfFacts}, {@link #dataToPreserve}, {@link #linkToOffence},
 * {@link #necessity}, {@link #mutualLegalAssistance} and {@link #preserveUntil} (§35).
 */
public final class PreservationRequestBuilder extends TaskRequestBuilder<PreservationRequestBuilder> {

    private String desiredStatus = "Preserved";
    private String dataToPreserve;
    private String linkToOffence;
    private String custodianOrLocation;
    private String necessity;
    private MlaFollowUp mla;
    private Instant preserveUntil;

    PreservationRequestBuilder() {
    }

    /** Art. 29(2)(c) the stored data to be preserved, in words. */
    public PreservationRequestBuilder dataToPreserve(String value) {
        this.dataToPreserve = Require.text(value, "dataToPreserve");
        return this;
    }

    /** Art. 29(2)(c) the data's relationship to the offence. */
    public PreservationRequestBuilder linkToOffence(String value) {
        this.linkToOffence = Require.text(value, "linkToOffence");
        return this;
    }

    /** Art. 29(2)(d) any available information identifying the custodian or the location of the data. */
    public PreservationRequestBuilder custodianOrLocation(String value) {
        this.custodianOrLocation = Require.text(value, "custodianOrLocation");
        return this;
    }

    /** Art. 29(2)(e) why preservation is necessary. */
    public PreservationRequestBuilder necessity(String value) {
        this.necessity = Require.text(value, "necessity");
        return this;
    }

    /** Art. 29(2)(f), §37 the mutual-legal-assistance request that will follow. */
    public PreservationRequestBuilder mutualLegalAssistance(MlaFollowUp value) {
        this.mla = Require.arg(value, "mutualLegalAssistance");
        return this;
    }

    /** §35 how long the data should be kept (DesiredPreservationExpiration; Art. 29(7): at least 60 days). */
    public PreservationRequestBuilder preserveUntil(Instant value) {
        this.preserveUntil = Require.arg(value, "preserveUntil");
        return this;
    }

    /** ETSI LPTaskDesiredStatus; default Preserved, as ETSI's request8 writes it. */
    public PreservationRequestBuilder desiredStatus(String etsiLpTaskDesiredStatus) {
        this.desiredStatus = Require.text(etsiLpTaskDesiredStatus, "desiredStatus");
        return this;
    }

    @Override
    MessagePayload payload(Instant now) {
        requireCommon();
        Require.set(offenceDescription(), "offence(..) (Art. 29(2)(b): the offence)");
        Require.set(summary(), "summaryOfFacts(..) (Art. 29(2)(b): a brief summary of the facts)");
        Require.set(dataToPreserve, "dataToPreserve(..) (Art. 29(2)(c): the data to be preserved)");
        Require.set(linkToOffence, "linkToOffence(..) (Art. 29(2)(c): its relationship to the offence)");
        Require.set(necessity, "necessity(..) (Art. 29(2)(e): the necessity of the preservation)");
        Require.set(mla, "mutualLegalAssistance(MlaFollowUp) (Art. 29(2)(f), §37: the MLA request that follows)");
        Require.set(preserveUntil, "preserveUntil(..) (§35: the preservation period)");
        if (!preserveUntil.isAfter(now)) {
            throw new IllegalStateException("preserveUntil (" + preserveUntil + ") must be after the message time " + now);
        }
        LPTaskObject task = Payloads.owned(new LPTaskObject(), taskId(), sender(), authorisationId());
        task.setExternalIdentifier(reference);
        task.setDesiredStatus(Entries.etsi("LPTaskDesiredStatus", desiredStatus));
        task.setRequestDetails(data.toPreservationDetails());
        task.setDesiredPreservationExpiration(Times.qualified(preserveUntil));
        task.setCSPID(provider().toEndpoint());
        PreservationParameters p = new PreservationParameters();
        p.setCountryCode(sender().countryCode());
        p.setOffence(offenceXml());
        p.setSummaryOfFacts(summary());
        p.setDataToPreserve(dataToPreserve);
        p.setDataCategories(data.categoriesXml());
        p.setLinkToOffence(linkToOffence);
        p.setCustodianOrLocation(custodianOrLocation);
        p.setNecessityOfPreservation(necessity);
        p.setMutualLegalAssistance(mla.toXml());
        p.setCostReimbursement(costs == null ? null : costs.toXml());
        task.setNationalLPTaskingParameters(p);
        return Payloads.requests(List.of(Payloads.create(authorisation(now)), Payloads.create(task)));
    }
}
