package org.lexgate.message.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.delivery.DeliveryObject;
import org.lexgate.hi1.delivery.EmbeddedBinaryData;
import org.lexgate.hi1.lexgate.CrossBorderHandling;
import org.lexgate.hi1.lexgate.NotificationParameters;
import org.lexgate.hi1.notification.NotificationObject;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.LPTaskObject;
import org.lexgate.xsd.Hi1Schemas;

/** What each builder puts where: the values ETSI's dictionaries define for each message. */
class BuilderSemanticsTest {

    private static List<ActionRequest> actions(HI1Message m) {
        return m.getPayload().getRequestPayload().getActionRequests().getActionRequest();
    }

    @Test
    void headerHasAFreshLowerCaseUuidAndSixFractionalDigits() throws Exception {
        HI1Message a = ExampleMessages.domesticDisclosure().transactionId(java.util.UUID.randomUUID())
                .at(Instant.parse("2026-11-28T09:30:00.123456789Z")).build();
        HI1Message b = Hi1Messages.serviceCatalogueRequest().from(ExampleMessages.AGENCY).to(ExampleMessages.XA_PROVIDER).build();
        HI1Message c = Hi1Messages.serviceCatalogueRequest().from(ExampleMessages.AGENCY).to(ExampleMessages.XA_PROVIDER).build();
        assertThat(b.getHeader().getTransactionIdentifier()).matches("[0-9a-f-]{36}")
                .isNotEqualTo(c.getHeader().getTransactionIdentifier());
        assertThat(a.getHeader().getTimestamp().toXMLFormat()).isEqualTo("2026-11-28T09:30:00.123456Z");
        assertThat(b.getHeader().getTimestamp().toXMLFormat()).matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(a.getHeader().getVersion().getNationalProfileOwner()).isEqualTo("lexgate");
    }

    @Test
    void emergencyRequestCarriesEtsiEmergencyFlagsAndHighPriority() {
        HI1Message m = ExampleMessages.emergencyRequest();
        AuthorisationObject auth = (AuthorisationObject) actions(m).get(0).getCREATE().getHI1Object();
        LDTaskObject task = (LDTaskObject) actions(m).get(1).getCREATE().getHI1Object();
        assertThat(auth.getAuthorisationPriority().getValue()).isEqualTo("High");
        assertThat(auth.getAuthorisationFlags().getAuthorisationFlag()).anySatisfy(f -> {
            assertThat(f.getName()).isEqualTo("AuthorisationFlag");
            assertThat(f.getValue()).isEqualTo("IsEmergency");
        });
        assertThat(auth.getAuthorisationApprovalDetails().get(0).isApprovalIsEmergency()).isTrue();
        assertThat(task.getFlags().getLDTaskFlag()).anySatisfy(f -> assertThat(f.getValue()).isEqualTo("IsEmergency"));
        assertThat(task.getAssociatedObjects().getAssociatedObject()).containsExactly(auth.getObjectIdentifier());
    }

    @Test
    void disclosureAfterPreservationPointsToThePreservationTask() {
        LDTaskObject task = (LDTaskObject) actions(ExampleMessages.disclosureAfterPreservation()).get(1).getCREATE().getHI1Object();
        assertThat(task.getAlternativePreservationReferences().getAlternativePreservationReference())
                .extracting(r -> r.getReferenceValue())
                .contains(ExampleMessages.PRESERVATION_TASK.toString());
    }

    @Test
    void crossBorderRequestNamesBothContactPoints() {
        AuthorisationObject auth = (AuthorisationObject) actions(ExampleMessages.crossBorderDisclosure()).get(0).getCREATE().getHI1Object();
        CrossBorderHandling h = (CrossBorderHandling) auth.getNationalHandlingParameters();
        assertThat(h.getMode().getValue()).isEqualTo("Forward");
        assertThat(h.getRequestingCountry()).isEqualTo("XA");
        assertThat(h.getRequestedCountry()).isEqualTo("XB");
        assertThat(h.getRequestedContactPoint().getUniqueIdentifier()).isEqualTo("XB-CP");
    }

    @Test
    void extensionKeepsPreservedAndReleaseCancels() {
        LPTaskObject extended = (LPTaskObject) actions(ExampleMessages.preservationExtension()).get(0).getUPDATE().getHI1Object();
        assertThat(extended.getDesiredStatus().getName()).isEqualTo("LPTaskDesiredStatus");
        assertThat(extended.getDesiredStatus().getValue()).isEqualTo("Preserved");
        assertThat(extended.getDesiredPreservationExpiration().toXMLFormat()).isEqualTo("2027-05-27T00:00:00Z");
        List<ActionRequest> release = actions(ExampleMessages.preservationRelease());
        LPTaskObject released = (LPTaskObject) release.get(0).getUPDATE().getHI1Object();
        assertThat(released.getDesiredStatus().getValue()).isEqualTo("Cancelled");
        NotificationObject why = (NotificationObject) release.get(1).getCREATE().getHI1Object();
        assertThat(why.getNotificationType().getValue()).isEqualTo("PreservationNoLongerRequired");
        assertThat(why.getAssociatedObjects().getAssociatedObject()).containsExactly(released.getObjectIdentifier());
    }

    @Test
    void refusalCarriesReasonExplanationAndTheRefusedRequest() {
        NotificationObject n = (NotificationObject) actions(ExampleMessages.refusal()).get(0).getCREATE().getHI1Object();
        NotificationParameters p = (NotificationParameters) n.getNationalNotificationParameters();
        assertThat(n.getNotificationType().getValue()).isEqualTo("Refusal");
        assertThat(p.getRefusal().getReason().getValue()).isEqualTo("AccountNotFound");
        assertThat(p.getRefusal().getExplanation()).isNotBlank();
        assertThat(p.getRelatedRequest().getTransactionIdentifier()).isEqualTo(ExampleMessages.DOMESTIC_REQUEST_TX.toString());
    }

    @Test
    void binaryDeliveryCarriesItsSha256() throws Exception {
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        HI1Message m = Hi1Messages.delivery().from(ExampleMessages.XA_PROVIDER).to(ExampleMessages.AGENCY)
                .answering(ExampleMessages.DOMESTIC_TASK, ExampleMessages.DOMESTIC_LDID)
                .binary(data, "text/plain", "hello.txt").build();
        DeliveryObject d = (DeliveryObject) actions(m).get(0).getDELIVER().getHI1Object();
        EmbeddedBinaryData bin = d.getDelivery().getBinaryData();
        assertThat(bin.getChecksum()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        assertThat(bin.getChecksumType()).isEqualTo("SHA-256");
        assertThat(bin.getContentLength()).hasToString("5");
        assertThat(actions(m).get(0).getDELIVER().getIdentifier()).isEqualTo(d.getObjectIdentifier());
    }

    @Test
    void catalogueResponseAnswersTheRequestsTransaction() {
        HI1Message request = ExampleMessages.catalogueRequest();
        HI1Message response = ExampleMessages.catalogueResponse();
        assertThat(response.getHeader().getTransactionIdentifier()).isEqualTo(request.getHeader().getTransactionIdentifier());
        assertThat(response.getHeader().getSenderIdentifier().getUniqueIdentifier()).isEqualTo("XA-PROVIDER");
        assertThat(response.getPayload().getResponsePayload().getActionResponses().getActionResponse().get(0)
                .getGETCSPCONFIGResponse().getTargetingConfigurations().getTargetingConfiguration()).hasSize(2);
    }

    @Test
    void refusalReasonEnumMatchesTheLexgateDictionary() throws Exception {
        String xml = new String(Hi1Schemas.lexgateDictionaries().openStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher dict = Pattern.compile("<Name>RefusalReason</Name>(.*?)</Dictionary>", Pattern.DOTALL).matcher(xml);
        assertThat(dict.find()).isTrue();
        List<String> values = Pattern.compile("<Value>([^<]+)</Value>").matcher(dict.group(1)).results()
                .map(r -> r.group(1)).toList();
        assertThat(java.util.Arrays.stream(RefusalReason.values()).map(RefusalReason::value).toList())
                .containsExactlyElementsOf(values);
    }
}
