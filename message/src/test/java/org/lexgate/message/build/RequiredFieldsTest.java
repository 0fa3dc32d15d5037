package org.lexgate.message.build;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lexgate.message.build.ExampleMessages.AGENCY;
import static org.lexgate.message.build.ExampleMessages.XA_PROVIDER;
import static org.lexgate.message.build.ExampleMessages.domesticDisclosure;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Builders refuse, naming the field and the guideline paragraph, to make an incomplete message. */
class RequiredFieldsTest {

    private static DisclosureRequestBuilder bare() {
        return Hi1Messages.disclosureRequest().from(AGENCY).to(XA_PROVIDER);
    }

    private static RequestedData email() {
        return RequestedData.subscriberData().identifier("EmailAddress", "a@example.org");
    }

    @Test
    void disclosureWithoutLegalBasisIsRefused() {
        assertThatThrownBy(() -> bare().reference("XA-AGENCY-1-2").data(email()).issuedBy(ExampleMessages.xaPolice())
                .priority(Priority.ROUTINE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("legalBasis").hasMessageContaining("§26");
    }

    @Test
    void disclosureWithoutRegistrationNumberIsRefused() {
        assertThatThrownBy(() -> bare().legalBasis(LegalBasis.budapestArt18ProductionOrder()).data(email())
                .issuedBy(ExampleMessages.xaPolice()).priority(Priority.ROUTINE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reference").hasMessageContaining("registration number");
    }

    @Test
    void disclosureWithoutDataRequestedIsRefused() {
        assertThatThrownBy(() -> bare().reference("XA-AGENCY-1-2").legalBasis(LegalBasis.budapestArt18ProductionOrder())
                .issuedBy(ExampleMessages.xaPolice()).priority(Priority.ROUTINE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("data(").hasMessageContaining("§27");
    }

    @Test
    void disclosureWithoutIssuingAuthorityOrPriorityIsRefused() {
        assertThatThrownBy(() -> bare().reference("XA-AGENCY-1-2").legalBasis(LegalBasis.budapestArt18ProductionOrder())
                .data(email()).priority(Priority.ROUTINE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuedBy").hasMessageContaining("§24");
        assertThatThrownBy(() -> bare().reference("XA-AGENCY-1-2").legalBasis(LegalBasis.budapestArt18ProductionOrder())
                .data(email()).issuedBy(ExampleMessages.xaPolice()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("priority").hasMessageContaining("§30");
    }

    @Test
    void headerNeedsSenderAndReceiver() {
        assertThatThrownBy(() -> domesticDisclosure().to(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiver");
        assertThatThrownBy(() -> Hi1Messages.serviceCatalogueRequest().to(XA_PROVIDER).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("from(Party)");
    }

    @Test
    void registrationNumberMustBeAnLdid() {
        assertThatThrownBy(() -> domesticDisclosure().reference("case 42").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LDID");
    }

    @Test
    void dataRequestedNeedsIdentifiersAndForTrafficDataAPeriod() {
        assertThatThrownBy(() -> domesticDisclosure().data(RequestedData.subscriberData()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("identifier").hasMessageContaining("§27");
        assertThatThrownBy(() -> domesticDisclosure().data(RequestedData.trafficData().identifier("EmailAddress", "a@b")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("period").hasMessageContaining("§27");
        assertThatThrownBy(() -> RequestedData.trafficData().period(Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void issuingAuthorityNeedsEveryParagraph24FieldAndAnAgencyMailbox() {
        IssuingAuthority noSwitchboard = IssuingAuthority.in("XA").authority("XA Police", "Police")
                .agent("A", "Officer", "990011", "a@police.xa.example").approver("P", "Prosecutor");
        assertThatThrownBy(() -> domesticDisclosure().issuedBy(noSwitchboard).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("switchboard").hasMessageContaining("§24");
        IssuingAuthority personalMail = ExampleMessages.xaPolice()
                .agent("A", "Officer", "990011", "det.example@freemail.example");
        assertThatThrownBy(() -> domesticDisclosure().issuedBy(personalMail).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("agency-provided").hasMessageContaining("§24");
        assertThatThrownBy(() -> IssuingAuthority.in("XA").verification("+99 1234", "https://x", "a@x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("E.164");
    }

    @Test
    void emergencyCannotBeRoutine() {
        assertThatThrownBy(() -> domesticDisclosure().emergency("life at risk").priority(Priority.ROUTINE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("High");
    }

    @Test
    void preservationNeedsTheArticle29Content() {
        PreservationRequestBuilder p = Hi1Messages.preservationRequest().from(AGENCY).to(XA_PROVIDER)
                .reference("XA-AGENCY-1-3").legalBasis(LegalBasis.budapestArt16DomesticPreservation())
                .data(RequestedData.trafficData().identifier("EmailAddress", "a@b")
                        .period(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")))
                .issuedBy(ExampleMessages.xaPolice()).priority(Priority.HIGH)
                .offence("Fraud").summaryOfFacts("Facts").dataToPreserve("Logs").linkToOffence("Link");
        assertThatThrownBy(p::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("necessity")
                .hasMessageContaining("29(2)(e)");
        p.necessity("Short retention");
        assertThatThrownBy(p::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("mutualLegalAssistance");
        p.mutualLegalAssistance(MlaFollowUp.notIntended());
        assertThatThrownBy(p::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("preserveUntil");
        p.preserveUntil(Instant.now().plusSeconds(86_400 * 90));
        p.build();
    }

    @Test
    void refusalNeedsAReasonAndTheRequestItRefuses() {
        NotificationBuilder r = Hi1Messages.refusal().from(XA_PROVIDER).to(AGENCY).about(UUID.randomUUID());
        assertThatThrownBy(r::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("refusal(")
                .hasMessageContaining("§57");
        r.refusal(RefusalReason.DATA_NOT_HELD, "We do not hold that data.");
        assertThatThrownBy(r::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("relatedRequest");
        assertThatThrownBy(() -> r.refusal(RefusalReason.DATA_NOT_HELD, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explanation");
    }

    @Test
    void statusNotificationNeedsItsObjectAndText() {
        assertThatThrownBy(() -> Hi1Messages.statusNotification().from(XA_PROVIDER).to(AGENCY).details("x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("about(");
        assertThatThrownBy(() -> Hi1Messages.statusNotification().from(XA_PROVIDER).to(AGENCY).about(UUID.randomUUID()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("details(");
    }

    @Test
    void deliveryNeedsItsTaskExactlyOneContentAndAManifestForXml() {
        DeliveryBuilder d = Hi1Messages.delivery().from(XA_PROVIDER).to(AGENCY);
        assertThatThrownBy(d::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("answering(");
        d.answering(UUID.randomUUID(), "XA-AGENCY-1-2");
        assertThatThrownBy(d::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("the data");
        d.xml(ExampleMessages.subscriberRecord());
        assertThatThrownBy(d::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("manifest");
        assertThatThrownBy(() -> d.dataExistence(false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one");
    }

    @Test
    void updatesAndQueriesNeedSomethingToDo() {
        assertThatThrownBy(() -> Hi1Messages.cancellation().from(AGENCY).to(XA_PROVIDER).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cancelDisclosure");
        assertThatThrownBy(() -> Hi1Messages.query().from(AGENCY).to(XA_PROVIDER).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("get(");
        assertThatThrownBy(() -> Hi1Messages.preservationExtension().from(AGENCY).to(XA_PROVIDER)
                .at(Instant.parse("2026-06-01T00:00:00Z"))
                .extendPreservation(UUID.randomUUID(), Instant.parse("2026-05-01T00:00:00Z")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("newExpiry");
    }

    @Test
    void catalogueNeedsContactAndTargeting() {
        CatalogueResponseBuilder c = Hi1Messages.serviceCatalogue().inReplyTo(ExampleMessages.catalogueRequest());
        assertThatThrownBy(c::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("complianceContact")
                .hasMessageContaining("§50");
        c.complianceContact("24/7", "990011", "le@xa-provider.example");
        assertThatThrownBy(c::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("targeting");
        assertThatThrownBy(() -> Hi1Messages.serviceCatalogue().inReplyTo(ExampleMessages.getList()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GETCSPCONFIG");
    }
}
