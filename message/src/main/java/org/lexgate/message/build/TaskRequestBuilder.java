package org.lexgate.message.build;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lexgate.hi1.authorisation.AuthorisationCSPID;
import org.lexgate.hi1.authorisation.AuthorisationFlags;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.lexgate.AuthorisationParameters;
import org.lexgate.hi1.lexgate.Offence;

/**
 * What a disclosure and a preservation request share: the message is a CREATE of an
 * {@code auth:AuthorisationObject} (the legal act: registration number, legal basis, issuing
 * authority, priority) followed by a CREATE of the task that points to it through
 * AssociatedObjects, as ETSI's request1 and request8 do.
 *
 * @param <B> the concrete builder
 */
public abstract class TaskRequestBuilder<B extends TaskRequestBuilder<B>> extends MessageBuilder<B> {

    private String authorisationId = Ids.fresh();
    private String taskId = Ids.fresh();
    String reference;
    private final List<LegalBasis> legalBases = new ArrayList<>();
    RequestedData data;
    private IssuingAuthority authority;
    Priority priority;
    private Party provider;
    private String offence;
    private String offenceProvision;
    private String typeOfCase;
    private String summaryOfFacts;
    private CrossBorder crossBorder;
    Costs costs;
    boolean emergency;

    TaskRequestBuilder() {
    }

    /** Fixes the AuthorisationObject's ObjectIdentifier; default a fresh UUID. */
    public B authorisationId(UUID value) {
        this.authorisationId = Ids.of(Require.arg(value, "authorisationId"));
        return self();
    }

    /** Fixes the task's ObjectIdentifier (what later updates, cancellations and deliveries point to); default a fresh UUID. */
    public B taskId(UUID value) {
        this.taskId = Ids.of(Require.arg(value, "taskId"));
        return self();
    }

    /** §26 registration number of the request: AuthorisationReference, and the task's Reference (LD) or ExternalIdentifier (LP). */
    public B reference(String registrationNumber) {
        this.reference = Require.text(registrationNumber, "reference");
        return self();
    }

    /** §26 reference to the legal basis; may be called more than once. */
    public B legalBasis(LegalBasis value) {
        legalBases.add(Require.arg(value, "legalBasis"));
        return self();
    }

    /** §26/§27 the specific data requested and the identifiers that find it. */
    public B data(RequestedData value) {
        this.data = Require.arg(value, "data");
        return self();
    }

    /** §24/§26 the issuing authority and how the provider can verify it. */
    public B issuedBy(IssuingAuthority value) {
        this.authority = Require.arg(value, "issuedBy");
        return self();
    }

    /** §30 the request's priority (ETSI AuthorisationPriority). */
    public B priority(Priority value) {
        this.priority = Require.arg(value, "priority");
        return self();
    }

    /** §27 the provider that holds the records (task CSPID, AuthorisationCSPID); default the receiver. */
    public B provider(Party value) {
        this.provider = Require.arg(value, "provider");
        return self();
    }

    /** §28 the offence under investigation (lexgate:Offence in AuthorisationParameters). */
    public B offence(String description) {
        this.offence = Require.text(description, "offence");
        return self();
    }

    /** §28 the offence and the provision that makes it one. */
    public B offence(String description, String legalProvision) {
        offence(description);
        this.offenceProvision = Require.text(legalProvision, "offence legalProvision");
        return self();
    }

    /** ETSI AuthorisationTypeOfCase, e.g. Cybercrime, OtherFinancialCrimeOrFraud. */
    public B typeOfCase(String etsiTypeOfCase) {
        this.typeOfCase = Require.text(etsiTypeOfCase, "typeOfCase");
        return self();
    }

    /** §28 as many facts as possible without prejudicing the investigation. */
    public B summaryOfFacts(String value) {
        this.summaryOfFacts = Require.text(value, "summaryOfFacts");
        return self();
    }

    /** §36/§37 how the request crosses a border (lexgate:CrossBorderHandling). */
    public B crossBorder(CrossBorder value) {
        this.crossBorder = Require.arg(value, "crossBorder");
        return self();
    }

    /** §16 cost reimbursement (lexgate:CostReimbursement). */
    public B costs(Costs value) {
        this.costs = Require.arg(value, "costs");
        return self();
    }

    String authorisationId() {
        return authorisationId;
    }

    String taskId() {
        return taskId;
    }

    Party provider() {
        return provider != null ? provider : receiver();
    }

    String offenceDescription() {
        return offence;
    }

    String summary() {
        return summaryOfFacts;
    }

    /** The fields both kinds of request require, checked in the order a reader fills them in. */
    void requireCommon() {
        Require.set(reference, "reference(..) (§26: registration number)");
        Require.set(legalBases, "legalBasis(..) (§26: reference to legal basis)");
        Require.set(data, "data(RequestedData) (§26, §27: the specific data requested)");
        Require.set(authority, "issuedBy(IssuingAuthority) (§24, §26: information to verify the source)");
        if (emergency && priority == Priority.ROUTINE) {
            throw new IllegalStateException("an emergency request has priority High, not Routine (§30, §34)");
        }
        if (emergency) {
            priority = Priority.HIGH;
        }
        Require.set(priority, "priority(Priority) (§30: prioritisation)");
    }

    AuthorisationObject authorisation(Instant now) {
        Party owner = sender();
        AuthorisationObject auth = Payloads.owned(new AuthorisationObject(), authorisationId, owner);
        if (crossBorder != null) {
            auth.setNationalHandlingParameters(crossBorder.toXml(owner.countryCode()));
        }
        auth.setAuthorisationReference(reference);
        auth.setAuthorisationPriority(Entries.etsi("AuthorisationPriority", priority.value()));
        AuthorisationCSPID csp = new AuthorisationCSPID();
        csp.getCSPID().add(provider().toEndpoint());
        auth.setAuthorisationCSPID(csp);
        auth.setAuthorisationCreationTimestamp(Times.qualified(now));
        auth.getAuthorisationApprovalDetails().add(authority.toXml(now, emergency));
        if (emergency) {
            AuthorisationFlags flags = new AuthorisationFlags();
            flags.getAuthorisationFlag().add(Entries.etsi("AuthorisationFlag", "IsEmergency"));
            auth.setAuthorisationFlags(flags);
        }
        AuthorisationParameters params = new AuthorisationParameters();
        params.setCountryCode(owner.countryCode());
        legalBases.forEach(b -> params.getLegalBasis().add(b.toXml()));
        params.setOffence(offenceXml());
        params.setSummaryOfFacts(summaryOfFacts);
        auth.setNationalAuthorisationParameters(params);
        if (typeOfCase != null) {
            auth.setAuthorisationTypeOfCase(Entries.etsi("AuthorisationTypeOfCase", typeOfCase));
        }
        return auth;
    }

    Offence offenceXml() {
        if (offence == null) {
            return null;
        }
        Offence xml = new Offence();
        xml.setDescription(offence);
        xml.setLegalProvision(offenceProvision);
        if (typeOfCase != null) {
            xml.setTypeOfCase(Entries.etsi("AuthorisationTypeOfCase", typeOfCase));
        }
        return xml;
    }
}
