package org.lexgate.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lexgate.delivery.Queues;
import org.lexgate.gateway.network.Requests;
import org.lexgate.gateway.node.HopSetup;
import org.lexgate.gateway.node.NodeConfigLoader;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.Priority;
import org.lexgate.soap.HopClient;
import org.lexgate.store.AuditEventType;
import org.lexgate.store.FollowUpClock;
import org.lexgate.store.FollowUpStopReason;
import org.lexgate.store.StoredObject;
import org.lexgate.gateway.network.LoopbackNetwork;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.signature.DocumentSigner;

/**
 * The network end to end (issue 4, "Done when"): four real nodes — XA-AGENCY, XA-CP, XB-CP,
 * XB-PROVIDER — over signed SOAP on loopback, each with its embedded broker and its record (H2 or
 * PostgreSQL, by subclass), and the provider's back office answering through the file drop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndSuite {

    E2eNetwork net;

    /** The PostgreSQL URL for this run, or null for H2. */
    abstract String database();

    @BeforeAll
    void startNetwork() throws Exception {
        net = E2eNetwork.start(E2eNetwork.NODES, database());
    }

    @AfterAll
    void stopNetwork() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void domesticDisclosureRoundTrip() throws Exception {
        String task = net.submit(TestParty.XB_CP, Requests.domesticDisclosure("XB-CP-2026-1001", "jane@mail.xb.example"));

        TaskRecord answered = net.awaitStatus(TestParty.XB_CP, task, "Disclosed");
        assertThat(answered.desiredStatus()).isEqualTo("AwaitingDisclosure");
        StoredObject atProvider = net.store(TestParty.XB_PROVIDER).objects().get(UUID.fromString(task)).orElseThrow();
        assertThat(atProvider.status()).isEqualTo("Disclosed");
        assertThat(net.events(TestParty.XB_CP, "XB-CP-2026-1001", AuditEventType.RECEIVED))
                .anySatisfy(e -> assertThat(e.entry().detail()).contains("delivery for LDTask " + task)
                        .contains("SHA-256 checked"));
        assertThat(net.events(TestParty.XB_PROVIDER, "XB-CP-2026-1001", AuditEventType.HANDED_TO_BACKEND)).hasSize(1);
    }

    @Test
    void crossBorderDisclosureIsForwardedByXaCpAndGivenEffectByXbCp() throws Exception {
        String ref = "XA-AGENCY-2026-1002";
        String task = net.submit(TestParty.XA_AGENCY, Requests.crossBorderDisclosure(ref, "203.0.113.42", Priority.ROUTINE));

        net.awaitStatus(TestParty.XA_AGENCY, task, "Disclosed");
        net.awaitQuiet();
        assertThat(net.events(TestParty.XA_CP, ref, AuditEventType.FORWARDED))
                .anySatisfy(e -> assertThat(e.entry().detail()).contains("forwarded unchanged to XB-CP"));
        TaskRecord relayed = net.network.roles(TestParty.XB_CP).book().relayOf(task).orElseThrow();
        assertThat(relayed.relay().orElseThrow().givesEffect()).isTrue();
        assertThat(relayed.status()).isEqualTo("Disclosed");
        // the provider acted on XB-CP's domestic request, which carried the foreign request as a Document
        StoredObject domestic = net.store(TestParty.XB_PROVIDER).objects().get(UUID.fromString(relayed.objectId())).orElseThrow();
        assertThat(domestic.status()).isEqualTo("Disclosed");
        assertThat(net.events(TestParty.XB_PROVIDER, ref, AuditEventType.ACCEPTED))
                .allSatisfy(e -> assertThat(e.entry().party()).isEqualTo("XB-CP"));
        // the agency holds the provider's signed answer, relayed by XB-CP as a Document
        await().atMost(E2eNetwork.WAIT).until(() -> net.events(TestParty.XA_AGENCY, ref, AuditEventType.RECEIVED).stream()
                .anyMatch(e -> e.entry().detail().startsWith("document 'Signed answer of XB-PROVIDER")));
    }

    @Test
    void preservationThenDisclosureWithTheFollowUpClock() throws Exception {
        String ref = "XA-AGENCY-2026-1003";
        UUID lpTask = UUID.randomUUID();
        net.submit(TestParty.XA_AGENCY, Requests.preservation(ref, lpTask, "suspect@cloud.xb.example"));

        TaskRecord preserved = net.awaitStatus(TestParty.XA_AGENCY, lpTask.toString(), "Preserved");
        assertThat(preserved.preservedUntil()).isPresent();
        // forwarded unchanged by both contact points (Budapest Art. 29 route), the clock started at XB-CP...
        assertThat(net.events(TestParty.XB_CP, ref, AuditEventType.FORWARDED)).isNotEmpty();
        FollowUpClock clock = net.store(TestParty.XB_CP).followUps().get(ref).orElseThrow();
        assertThat(clock.requester()).isEqualTo("XA-AGENCY");
        assertThat(clock.deadline()).isAfterOrEqualTo(clock.startedAt().plus(java.time.Duration.ofDays(60)));
        // ...and warned the requester (warn-before is a year in this network) with a PreservationExpiring notification
        await().atMost(E2eNetwork.WAIT).until(() -> net.events(TestParty.XA_AGENCY, ref, AuditEventType.RECEIVED).stream()
                .anyMatch(e -> e.entry().detail().startsWith("PreservationExpiring")));
        assertThat(net.store(TestParty.XB_CP).followUps().get(ref).orElseThrow().warnedAt()).isNotNull();

        String ldTask = net.submit(TestParty.XA_AGENCY,
                Requests.disclosureAfterPreservation("XA-AGENCY-2026-1004", lpTask, "suspect@cloud.xb.example"));
        net.awaitStatus(TestParty.XA_AGENCY, ldTask, "Disclosed");
        FollowUpClock stopped = net.store(TestParty.XB_CP).followUps().get(ref).orElseThrow();
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.stopReason()).isEqualTo(FollowUpStopReason.MLA_REQUEST_RECEIVED);

        net.submit(TestParty.XA_AGENCY, Requests.release(lpTask));
        net.awaitStatus(TestParty.XA_AGENCY, lpTask.toString(), "Cancelled");
        assertThat(net.store(TestParty.XB_PROVIDER).objects().get(lpTask).orElseThrow().status()).isEqualTo("Cancelled");
    }

    @Test
    void aRefusalCarriesItsReasonAndExplanation() throws Exception {
        String ref = "XA-AGENCY-2026-1005";
        String task = net.submit(TestParty.XA_AGENCY,
                Requests.directSubscriberInformation(ref, "unknown-user@mail.xb.example"));

        net.awaitStatus(TestParty.XA_AGENCY, task, "Rejected");
        // Second Protocol Art. 7: straight to the provider, no contact point involved
        assertThat(net.events(TestParty.XB_PROVIDER, ref, AuditEventType.ACCEPTED))
                .singleElement().satisfies(e -> assertThat(e.entry().party()).isEqualTo("XA-AGENCY"));
        assertThat(net.events(TestParty.XA_CP, ref, AuditEventType.ACCEPTED)).isEmpty();
        assertThat(net.events(TestParty.XA_AGENCY, ref, AuditEventType.RECEIVED))
                .anySatisfy(e -> assertThat(e.entry().detail()).contains("refusal of LDTask " + task)
                        .contains("AccountNotFound").contains("No account matches unknown-user@mail.xb.example"));
    }

    @Test
    void aRefusalToARequestGivenEffectTravelsBackWithTheProvidersReasonAndSignedAnswer() throws Exception {
        String ref = "XA-AGENCY-2026-1007";
        String task = net.submit(TestParty.XA_AGENCY, Requests.crossBorderDisclosure(ref, "unknown-203.0.113.99",
                Priority.ROUTINE));

        net.awaitStatus(TestParty.XA_AGENCY, task, "Rejected");
        net.awaitQuiet();
        assertThat(net.network.roles(TestParty.XB_CP).book().relayOf(task).orElseThrow().status()).isEqualTo("Rejected");
        await().atMost(E2eNetwork.WAIT).until(() -> net.events(TestParty.XA_AGENCY, ref, AuditEventType.RECEIVED).stream()
                .anyMatch(e -> e.entry().detail().startsWith("document 'Signed answer of XB-PROVIDER")));
        assertThat(net.events(TestParty.XA_AGENCY, ref, AuditEventType.RECEIVED))
                .anySatisfy(e -> assertThat(e.entry().detail()).contains("refusal of LDTask " + task)
                        .contains("AccountNotFound"));
        assertThat(net.events(TestParty.XA_AGENCY, ref, AuditEventType.ACCEPTED))
                .singleElement().satisfies(e -> assertThat(e.entry().party()).isEqualTo("XB-CP"));
    }

    @Test
    void aDuplicateSubmissionHasOneEffectAndGetsTheOriginalReceipt() throws Exception {
        String ref = "XA-AGENCY-2026-1006";
        HI1Message request = Requests.directSubscriberInformation(ref, "jane@mail.xb.example");
        String tx = request.getHeader().getTransactionIdentifier();
        byte[] signed = new DocumentSigner(net.network.pki().signer(TestParty.XA_AGENCY).credential())
                .sign(Hi1Messages.write(request));
        NodeConfigLoader.Loaded agency = new NodeConfigLoader(LoopbackNetwork.ENVIRONMENT)
                .load(net.network.config(TestParty.XA_AGENCY));
        HopSetup hop = HopSetup.of(agency.config(), agency.directory());
        byte[] first;
        byte[] second;
        try (HopClient client = HopClient.builder()
                .address(net.network.node(TestParty.XB_PROVIDER).soapAddress().orElseThrow()).security(hop.security())
                .neighbours(HopSetup.only(agency.directory(), PartyId.parse("XB-PROVIDER"))).build()) {
            first = client.submit(signed);
            second = client.submit(signed);
        }

        assertThat(second).isEqualTo(first);
        String task = E2eNetwork.taskOf(request);
        net.awaitStatus(TestParty.XA_AGENCY, task, "Disclosed");
        net.awaitQuiet();
        assertThat(net.events(TestParty.XB_PROVIDER, ref, AuditEventType.ACCEPTED)).hasSize(1);
        assertThat(net.events(TestParty.XB_PROVIDER, ref, AuditEventType.DUPLICATE)).hasSize(1);
        assertThat(net.events(TestParty.XB_PROVIDER, ref, AuditEventType.HANDED_TO_BACKEND)).hasSize(1);
        assertThat(net.backOffice.log().stream().filter(l -> l.contains(task))).hasSize(1);
        assertThat(net.events(TestParty.XA_AGENCY, AuditEventType.ACCEPTED).stream()
                .filter(e -> "XB-PROVIDER".equals(e.entry().party()) && ref.equals(e.entry().caseRef()))).hasSize(1);
        assertThat(tx).isNotBlank();
    }

    @Test
    void anUpdateTheProviderCannotActOnIsRefusedBackToItsSenderWithTheReason() throws Exception {
        HI1Message release = Requests.release(UUID.randomUUID()); // a preservation the provider never had
        String tx = release.getHeader().getTransactionIdentifier();
        byte[] signed = new DocumentSigner(net.network.pki().signer(TestParty.XA_AGENCY).credential())
                .sign(Hi1Messages.write(release));
        NodeConfigLoader.Loaded agency = new NodeConfigLoader(LoopbackNetwork.ENVIRONMENT)
                .load(net.network.config(TestParty.XA_AGENCY));
        HopSetup hop = HopSetup.of(agency.config(), agency.directory());
        try (HopClient client = HopClient.builder()
                .address(net.network.node(TestParty.XB_PROVIDER).soapAddress().orElseThrow()).security(hop.security())
                .neighbours(HopSetup.only(agency.directory(), PartyId.parse("XB-PROVIDER"))).build()) {
            client.submit(signed); // accepted: the signed receipt comes back, the role refuses afterwards
        }

        UUID stored = await().atMost(E2eNetwork.WAIT).until(
                () -> net.store(TestParty.XB_PROVIDER).messages().findInbound("XA-AGENCY", tx), java.util.Optional::isPresent)
                .orElseThrow().id();
        String refusalTx = org.lexgate.gateway.role.Hi1Parts.stableId("refused", stored.toString()).toString();
        await().atMost(E2eNetwork.WAIT).until(() -> net.store(TestParty.XA_AGENCY).messages()
                .findInbound("XB-PROVIDER", refusalTx).isPresent());
        String refusal = new String(net.store(TestParty.XA_AGENCY).messages().findInbound("XB-PROVIDER", refusalTx)
                .orElseThrow().signedBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refusal).contains(tx).contains("3003 " + org.lexgate.message.ErrorCode.UNKNOWN_OBJECT.safeText());
        assertThat(net.events(TestParty.XB_PROVIDER, AuditEventType.REFUSED).stream()
                .filter(e -> tx.equals(e.entry().transactionId()))).hasSize(1);
    }

    @Test
    void aDestinationDownForAWhileReceivesEverythingOnceItIsBack() throws Exception {
        net.network.stop(TestParty.XB_PROVIDER);
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queued.add(net.submit(TestParty.XB_CP,
                    Requests.domesticDisclosure("XB-CP-2026-2" + (100 + i), "user" + i + "@mail.xb.example")));
        }
        assertThat(net.store(TestParty.XB_CP).outbound().pending(100)).hasSize(4);

        net.network.start(TestParty.XB_PROVIDER);

        // the partner's circuit opened while the provider was down: it stays open 30 s (delivery default)
        // and a message sent back meanwhile waits for its broker redelivery; all arrive, once each
        for (String t : queued) {
            net.awaitStatus(TestParty.XB_CP, t, "Disclosed", java.time.Duration.ofSeconds(150));
        }
        List<String> arrivals = net.events(TestParty.XB_PROVIDER, AuditEventType.ACCEPTED).stream()
                .map(e -> e.entry().caseRef()).filter(c -> c != null && c.startsWith("XB-CP-2026-21")).toList();
        assertThat(arrivals).hasSize(4).doesNotHaveDuplicates();
        assertThat(net.store(TestParty.XB_CP).outbound().deadLetters()).isEmpty();
    }

    @Test
    void anEmergencyRequestOvertakesABacklogOfRoutineOnes() throws Exception {
        int backlog = 30;
        for (int i = 0; i < backlog; i++) {
            net.submit(TestParty.XB_CP, Requests.domesticDisclosure("XB-CP-2026-3" + (100 + i), "user" + i + "@mail.xb.example"));
        }
        long waiting = net.network.node(TestParty.XB_CP).broker().messageCount(Queues.out("XB-PROVIDER", false));
        String emergency = net.submit(TestParty.XB_CP, emergencyRequest("XB-CP-2026-3999"));

        net.awaitStatus(TestParty.XB_CP, emergency, "Disclosed");
        net.awaitQuiet();
        List<String> arrivals = net.events(TestParty.XB_PROVIDER, AuditEventType.ACCEPTED).stream()
                .map(e -> e.entry().caseRef()).filter(c -> c != null && c.startsWith("XB-CP-2026-3")).toList();
        assertThat(arrivals).hasSize(backlog + 1).doesNotHaveDuplicates();
        assertThat(waiting).as("routine messages queued when the emergency was sent").isGreaterThanOrEqualTo(5);
        assertThat(arrivals.size() - 1 - arrivals.indexOf("XB-CP-2026-3999"))
                .as("routine requests that arrived after the emergency, arrival order %s", arrivals)
                .isGreaterThanOrEqualTo(3);
    }

    private static HI1Message emergencyRequest(String reference) {
        return Hi1Messages.emergencyRequest("A life is at risk: the account holder announced a suicide.")
                .from(Requests.XB_CP).to(Requests.XB_PROVIDER).reference(reference)
                .legalBasis(org.lexgate.message.build.LegalBasis.of("DomesticOrder", "XB Code of Criminal Procedure", "81a"))
                .data(org.lexgate.message.build.RequestedData.subscriberData().identifier("EmailAddress", "at-risk@mail.xb.example"))
                .issuedBy(org.lexgate.message.build.IssuingAuthority.in("XB").authority("XB 24/7 Contact Point", "Police")
                        .verification("990022345000", "https://police.xb.example", "247@police.xb.example")
                        .agent("Insp. B. Example", "Duty officer", "990022345123", "247-desk@police.xb.example")
                        .approver("M. Judge", "Investigating judge").order("Emergency order", "PROS-XB-2026-0999"))
                .offence("Risk to life").build();
    }
}
