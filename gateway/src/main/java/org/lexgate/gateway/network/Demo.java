package org.lexgate.gateway.network;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.message.build.Priority;
import org.lexgate.store.AuditEntry;
import org.lexgate.store.AuditEvent;
import org.lexgate.store.AuditEventType;
import org.lexgate.trust.pki.TestParty;

/**
 * {@code lexgate demo}: four nodes on loopback — agency XA-AGENCY, contact points XA-CP and XB-CP,
 * provider XB-PROVIDER — with a freshly generated test PKI, and the exchanges the network exists
 * for, each followed to its answer; a scripted back office answers at the provider through the
 * file drop (one refusal among the answers). Prints the way every message took and every
 * signature checked on it, and returns how many exchanges completed.
 */
public final class Demo {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<TestParty> NODES = List.of(TestParty.XA_AGENCY, TestParty.XA_CP, TestParty.XB_CP,
            TestParty.XB_PROVIDER);

    private final PrintStream out;

    public Demo(PrintStream out) {
        this.out = out;
    }

    /** One exchange: who asks, what, why this way, and the Status that completes it at the requester. */
    record Exchange(String title, String why, TestParty requester, HI1Message request, String expectedStatus,
            boolean awaitFollowUpWarning) {

        Exchange(String title, String why, TestParty requester, HI1Message request, String expectedStatus) {
            this(title, why, requester, request, expectedStatus, false);
        }
    }

    /** Runs the demo in {@code folder}; returns {completed, total}. */
    public int[] run(Path folder) throws Exception {
        out.println("lexgate demo: four nodes on loopback, test PKI (NOT FOR PRODUCTION) in " + folder);
        Map<TestParty, Map<String, String>> settings = Map.of(
                TestParty.XB_PROVIDER, Map.of("adapter.poll-interval", "PT0.2S"),
                TestParty.XB_CP, Map.of("followup.warn-before", "P91D", "followup.check-interval", "PT0.5S"),
                TestParty.XA_AGENCY, Map.of("followup.check-interval", "PT1H"));
        int completed = 0;
        List<Exchange> exchanges;
        try (LoopbackNetwork network = LoopbackNetwork.create(folder, NODES, settings, p -> Optional.empty())) {
            for (TestParty p : NODES) {
                network.start(p);
                out.println("  started " + p.id() + " (" + p.role() + ") at "
                        + network.node(p).soapAddress().map(Object::toString).orElse("-"));
            }
            ScriptedBackOffice backOffice = new ScriptedBackOffice(network.fileDrop(TestParty.XB_PROVIDER));
            ScheduledExecutorService clerk = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-back-office");
                t.setDaemon(true);
                return t;
            });
            clerk.scheduleWithFixedDelay(backOffice, 100, 100, TimeUnit.MILLISECONDS);
            try {
                UUID lpTask = UUID.randomUUID();
                exchanges = List.of(
                        new Exchange("domestic disclosure in XB",
                                "XB-CP's police desk orders subscriber data from XB-PROVIDER under national law (DomesticOrder):"
                                        + " both in XB, so the request goes straight to the provider",
                                TestParty.XB_CP, Requests.domesticDisclosure("XB-CP-2026-0001", "jane@mail.xb.example"),
                                "Disclosed"),
                        new Exchange("cross-border disclosure",
                                "XA-AGENCY asks XB-PROVIDER under Budapest Art. 35: the routing table sends it through XA-CP"
                                        + " (forward) to XB-CP, which gives effect to it with its own domestic request",
                                TestParty.XA_AGENCY, Requests.crossBorderDisclosure("XA-AGENCY-2026-0101", "203.0.113.42",
                                        Priority.ROUTINE), "Disclosed"),
                        new Exchange("cross-border preservation",
                                "Budapest Art. 29 preservation: through XA-CP and XB-CP, both forwarding the signed original;"
                                        + " XB-CP starts the 60-day follow-up clock and warns XA-AGENCY",
                                TestParty.XA_AGENCY, Requests.preservation("XA-AGENCY-2026-0102", lpTask,
                                        "suspect@cloud.xb.example"), "Preserved", true),
                        new Exchange("disclosure after the preservation",
                                "Budapest Art. 30 disclosure naming the preserved task: XB-CP stops the follow-up clock and"
                                        + " gives effect to it",
                                TestParty.XA_AGENCY, Requests.disclosureAfterPreservation("XA-AGENCY-2026-0103", lpTask,
                                        "suspect@cloud.xb.example"), "Disclosed"),
                        new Exchange("emergency request",
                                "Second Protocol Art. 9 emergency (IsEmergency, priority High): the emergency lane at every"
                                        + " hop, through both contact points",
                                TestParty.XA_AGENCY, Requests.emergency("XA-AGENCY-2026-0104", "198.51.100.7"), "Disclosed"),
                        new Exchange("direct request, refused",
                                "Second Protocol Art. 7 subscriber information goes straight to the provider abroad; the"
                                        + " account does not exist, so the provider refuses with its reason (§57)",
                                TestParty.XA_AGENCY, Requests.directSubscriberInformation("XA-AGENCY-2026-0105",
                                        "unknown-user@mail.xb.example"), "Rejected"));
                int n = 0;
                for (Exchange e : exchanges) {
                    n++;
                    if (exchange(network, n, e)) {
                        completed++;
                    }
                }
                out.println();
                out.println("back office at XB-PROVIDER (file drop " + network.fileDrop(TestParty.XB_PROVIDER) + "):");
                backOffice.log().forEach(line -> out.println("  " + line));
            } finally {
                clerk.shutdownNow();
            }
        }
        return new int[] {completed, exchanges.size()};
    }

    private boolean exchange(LoopbackNetwork network, int n, Exchange e) throws Exception {
        Hi1View view = new Hi1View(e.request());
        String caseRef = view.caseReference().orElseThrow();
        String task = view.createdTasks().stream().map(HI1Object::getObjectIdentifier).findFirst().orElseThrow();
        out.println();
        out.println(n + ". " + e.title() + " — case " + caseRef);
        out.println("   why this way: " + e.why());
        network.roles(e.requester()).agency().submit(e.request());
        Instant deadline = Instant.now().plus(WAIT);
        Optional<TaskRecord> record = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            record = network.roles(e.requester()).agency().task(task);
            if (record.isPresent() && e.expectedStatus().equals(record.get().status())) {
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        if (e.awaitFollowUpWarning()) {
            until(deadline, () -> network.node(TestParty.XB_CP).store().followUps().get(caseRef)
                    .map(c -> c.warnedAt() != null).orElse(false));
        }
        until(Instant.now().plus(Duration.ofSeconds(15)), () -> NODES.stream()
                .allMatch(p -> network.node(p).store().outbound().pending(1).isEmpty()));
        printPath(network, caseRef);
        boolean done = record.isPresent() && e.expectedStatus().equals(record.get().status());
        out.println("   " + (done ? "COMPLETED" : "NOT COMPLETED") + ": " + e.requester().id() + " holds "
                + record.map(r -> r.objectType() + " Status " + r.status()
                        + r.preservedUntil().map(u -> " until " + u).orElse("")).orElse("no record")
                + (done ? "" : " (expected " + e.expectedStatus() + ")"));
        return done;
    }

    private static void until(Instant deadline, java.util.function.BooleanSupplier condition) {
        while (Instant.now().isBefore(deadline) && !condition.getAsBoolean()) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** The case's events at every node, in time order: the way the messages took and the signatures checked. */
    private void printPath(LoopbackNetwork network, String caseRef) {
        record At(TestParty node, AuditEvent event) {
        }
        List<At> events = new ArrayList<>();
        for (TestParty p : NODES) {
            network.node(p).store().audit().since(1, 100_000).stream()
                    .filter(ev -> caseRef.equals(ev.entry().caseRef())
                            || ev.entry().detail() != null && ev.entry().detail().contains(caseRef))
                    .forEach(ev -> events.add(new At(p, ev)));
        }
        events.sort(Comparator.comparing((At a) -> a.event().recordedAt()));
        int documents = 0;
        int receipts = 0;
        Set<AuditEventType> shown = Set.of(AuditEventType.ACCEPTED, AuditEventType.QUEUED, AuditEventType.DELIVERED,
                AuditEventType.FORWARDED, AuditEventType.GIVEN_EFFECT, AuditEventType.HANDED_TO_BACKEND,
                AuditEventType.STATUS_CHANGED, AuditEventType.FOLLOW_UP_STARTED, AuditEventType.FOLLOW_UP_WARNED,
                AuditEventType.FOLLOW_UP_STOPPED, AuditEventType.DUPLICATE, AuditEventType.REFUSED,
                AuditEventType.DEAD_LETTERED, AuditEventType.RECEIVED);
        for (At a : events) {
            AuditEntry en = a.event().entry();
            if (!shown.contains(en.type())) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format("   %-12s %-18s", a.node().id(), en.type()));
            switch (en.type()) {
                case ACCEPTED -> {
                    documents++;
                    line.append("from ").append(en.party()).append(", document signature verified: [")
                            .append(en.signerSubject()).append("]");
                    if (en.detail() != null) {
                        line.append(" ").append(en.detail());
                    }
                }
                case DELIVERED -> {
                    receipts++;
                    line.append("to ").append(en.party()).append(", signed receipt verified")
                            .append(en.signerSubject() == null ? "" : ": [" + en.signerSubject() + "]")
                            .append(en.detail() == null ? "" : " " + en.detail());
                }
                case QUEUED -> line.append("for ").append(en.party()).append(en.signerSubject() == null ? ""
                        : ", signed by [" + en.signerSubject() + "]").append(en.detail() == null ? "" : " " + en.detail());
                default -> line.append(en.party() == null ? "" : en.party() + ": ")
                        .append(en.detail() == null ? "" : en.detail());
            }
            out.println(line);
        }
        out.println("   signatures checked: " + documents + " document signature(s) on acceptance, " + receipts
                + " signed receipt(s) on delivery (each with its hop signature)");
    }
}
