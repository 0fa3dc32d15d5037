package org.lexgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lexgate.adapters.DataAnswer;
import org.lexgate.adapters.DataExistenceAnswer;
import org.lexgate.adapters.DataFormat;
import org.lexgate.adapters.ObjectIdentifier;
import org.lexgate.adapters.PreservationConfirmed;
import org.lexgate.adapters.RefusalAnswer;
import org.lexgate.adapters.RefusalReason;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.gateway.role.StatusReport;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.delivery.DeliveryObject;
import org.lexgate.hi1.lexgate.Refusal;
import org.lexgate.message.build.DeliveryBuilder;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.trust.directory.PartyId;

/** The provider's answers in the standard response format (§53) or as a refusal with its reason (§57); each passes the codec. */
class StandardResponsesTest {

    private static final PartyId PROVIDER = PartyId.parse("XB-PROVIDER");
    private static final String LD = "2b36a78b-b628-416d-bd22-404e68a0cd36";
    private static final String LP = "3c47b89c-c739-427e-8e33-515f79b1de47";
    private static final TaskRecord LD_TASK = task(LD, "LDTask");
    private static final TaskRecord LP_TASK = task(LP, "LPTask");

    private static TaskRecord task(String id, String type) {
        return new TaskRecord(id, type, "XA-AGENCY-2026-0042", "4d58c9ad-d84a-438f-9f44-626a80c2ef58",
                PartyId.parse("XA-AGENCY"), "5e69dabe-e95b-449a-a055-737b91d3f069", "XA-AGENCY-2026-0042",
                PartyId.parse("XB-CP"), false, null, null, Optional.empty(), Optional.empty());
    }

    @Test
    void binaryDataIsDeliveredInlineWithItsChecksum() throws Exception {
        byte[] data = "name;Jane Example".getBytes(StandardCharsets.UTF_8);
        HI1Message m = StandardResponses.build(PROVIDER, LD_TASK, "answer-1",
                new DataAnswer(ObjectIdentifier.of(LD), data, "text/csv", DataFormat.BINARY));

        DeliveryObject d = written(m).deliveries().get(0);
        assertThat(d.getAssociatedObjects().getAssociatedObject()).containsExactly(LD);
        assertThat(d.getReference().getLDID()).isEqualTo("XA-AGENCY-2026-0042");
        assertThat(d.getDelivery().getBinaryData().getData()).isEqualTo(data);
        assertThat(d.getDelivery().getBinaryData().getChecksum()).isEqualTo(DeliveryBuilder.sha256(data));
        assertThat(m.getHeader().getReceiverIdentifier().getUniqueIdentifier()).isEqualTo("XA-AGENCY");
    }

    @Test
    void xmlDataIsEmbeddedInTheProvidersOwnNamespace() throws Exception {
        byte[] xml = "<s:subscriber xmlns:s=\"urn:example:s\"><s:name>Jane</s:name></s:subscriber>".getBytes(StandardCharsets.UTF_8);
        HI1Message m = StandardResponses.build(PROVIDER, LD_TASK, "answer-2",
                new DataAnswer(ObjectIdentifier.of(LD), xml, "application/xml", DataFormat.XML));

        DeliveryObject d = written(m).deliveries().get(0);
        assertThat(d.getDelivery().getXMLData()).isNotNull();
        assertThat(d.getManifest().getExternalSchema().getManifestID()).isEqualTo("urn:example:s");
    }

    @Test
    void dataExistenceAndItsStatus() throws Exception {
        DataExistenceAnswer none = new DataExistenceAnswer(ObjectIdentifier.of(LD), false, Optional.empty());
        HI1Message m = StandardResponses.build(PROVIDER, LD_TASK, "answer-3", none);

        assertThat(written(m).deliveries().get(0).getDelivery().isDataExistence()).isFalse();
        assertThat(StandardResponses.statusAfter(none, LD_TASK)).isEqualTo("DisclosureNotAvailable");
    }

    @Test
    void aRefusalCarriesTheReasonAndTheExplanation() throws Exception {
        HI1Message m = StandardResponses.build(PROVIDER, LD_TASK, "answer-4", new RefusalAnswer(ObjectIdentifier.of(LD),
                RefusalReason.RETENTION_PERIOD_EXPIRED, "We keep connection logs for 90 days."));

        Hi1View view = written(m);
        Refusal refusal = view.refusal().orElseThrow();
        assertThat(refusal.getReason().getValue()).isEqualTo("RetentionPeriodExpired");
        assertThat(refusal.getExplanation()).isEqualTo("We keep connection logs for 90 days.");
        assertThat(view.relatedRequest().orElseThrow().getReference()).isEqualTo("XA-AGENCY-2026-0042");
        assertThat(view.caseReference()).contains("XA-AGENCY-2026-0042");
    }

    @Test
    void aConfirmedPreservationIsAStatusNotificationWithItsDate() throws Exception {
        Instant until = Instant.parse("2027-02-26T00:00:00Z");
        HI1Message m = StandardResponses.build(PROVIDER, LP_TASK, "answer-5",
                new PreservationConfirmed(ObjectIdentifier.of(LP), until, Optional.of("logs kept")));

        StatusReport report = StatusReport.parse(written(m).notifications().get(0).getNotificationDetails()).orElseThrow();
        assertThat(report.objectId()).isEqualTo(LP);
        assertThat(report.status()).isEqualTo("Preserved");
        assertThat(report.until()).contains(until);
    }

    @Test
    void theSameAnswerGivesTheSameTransactionIdentifier() {
        assertThat(StandardResponses.transactionFor(PROVIDER, "answer-6"))
                .isEqualTo(StandardResponses.transactionFor(PROVIDER, "answer-6"))
                .isNotEqualTo(StandardResponses.transactionFor(PROVIDER, "answer-7"));
    }

    /** Writes the message through the codec, as a receiver would check it, and views it. */
    private static Hi1View written(HI1Message m) throws Exception {
        assertThat(Hi1Messages.write(m)).isNotEmpty();
        return new Hi1View(m);
    }
}
