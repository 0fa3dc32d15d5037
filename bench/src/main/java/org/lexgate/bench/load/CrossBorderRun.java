package org.lexgate.bench.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.lexgate.gateway.network.LoopbackNetwork;
import org.lexgate.gateway.network.Requests;
import org.lexgate.gateway.network.ScriptedBackOffice;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.message.build.Priority;
import org.lexgate.trust.pki.TestParty;

/**
 * End-to-end latency of a cross-border round trip through two contact points, on four real nodes
 * in this JVM (the gateway's {@link LoopbackNetwork}: XA-AGENCY, XA-CP, XB-CP, XB-PROVIDER, each with
 * its store and broker, SOAP hops with WS-Security between them): XA-AGENCY submits a Budapest
 * Art. 35 disclosure for XB-PROVIDER; XA-CP forwards it, XB-CP gives effect to it with its own
 * domestic request; the provider's back office (a script polling the file drop every 10 ms) answers
 * with data; the answer travels back the same way; the clock stops when the agency's task says
 * "Disclosed". The provider node looks for answers every 100 ms (the adapter's minimum), which is
 * part of the figure. Trips run one after another on an otherwise idle network.
 */
public final class CrossBorderRun {

    private static final List<TestParty> NODES = List.of(TestParty.XA_AGENCY, TestParty.XA_CP, TestParty.XB_CP,
            TestParty.XB_PROVIDER);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private CrossBorderRun() {
    }

    public static Map<String, Object> run(Path folder, int trips, PrintStream out) throws Exception {
        Map<TestParty, Map<String, String>> settings = Map.of(
                TestParty.XB_PROVIDER, Map.of("adapter.poll-interval", "PT0.1S"));
        Map<String, Object> r = new LinkedHashMap<>();
        try (LoopbackNetwork network = LoopbackNetwork.create(folder, NODES, settings, p -> Optional.empty())) {
            for (TestParty p : NODES) {
                network.start(p);
            }
            ScriptedBackOffice backOffice = new ScriptedBackOffice(network.fileDrop(TestParty.XB_PROVIDER));
            ScheduledExecutorService clerk = Executors.newSingleThreadScheduledExecutor(t -> {
                Thread thread = new Thread(t, "bench-back-office");
                thread.setDaemon(true);
                return thread;
            });
            clerk.scheduleWithFixedDelay(backOffice, 10, 10, TimeUnit.MILLISECONDS);
            try {
                out.println("cross-border: warm-up trip...");
                trip(network, 0);
                Histogram millis = new Histogram(3);
                List<Long> each = new ArrayList<>();
                int completed = 0;
                for (int i = 1; i <= trips; i++) {
                    long ms = trip(network, i);
                    if (ms >= 0) {
                        completed++;
                        millis.recordValue(ms);
                        each.add(ms);
                    }
                    out.printf("  cross-border trip %d/%d: %s%n", i, trips, ms >= 0 ? ms + " ms" : "not completed");
                }
                r.put("path", "XA-AGENCY -> XA-CP (forward) -> XB-CP (give effect) -> XB-PROVIDER, answer back the same way");
                r.put("nodes", "4 nodes in this JVM (gateway LoopbackNetwork), SOAP hops with WS-Security, H2 + embedded Artemis each");
                r.put("providerAnswerPollMillis", 100);
                r.put("trips", trips);
                r.put("completed", completed);
                r.put("tripMillis", each);
                Map<String, Object> lat = new LinkedHashMap<>();
                lat.put("count", millis.getTotalCount());
                lat.put("p50", (double) millis.getValueAtPercentile(50));
                lat.put("max", (double) millis.getMaxValue());
                lat.put("mean", millis.getMean());
                r.put("latencyMillis", lat);
            } finally {
                clerk.shutdownNow();
            }
        }
        return r;
    }

    /** One round trip; its milliseconds, or -1 when the answer did not arrive in time. */
    private static long trip(LoopbackNetwork network, int n) throws Exception {
        HI1Message request = Requests.crossBorderDisclosure(String.format("XA-AGENCY-2026-B%04d", n),
                "203.0.113." + (1 + n % 250), Priority.ROUTINE);
        String task = new Hi1View(request).created().stream()
                .filter(o -> o.getClass().getSimpleName().equals("LDTaskObject"))
                .map(HI1Object::getObjectIdentifier).findFirst().orElseThrow();
        long t0 = System.nanoTime();
        network.roles(TestParty.XA_AGENCY).agency().submit(request);
        long deadline = t0 + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<TaskRecord> record = network.roles(TestParty.XA_AGENCY).agency().task(task);
            if (record.isPresent() && "Disclosed".equals(record.get().status())) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            LockSupport.parkNanos(5_000_000L);
        }
        return -1;
    }
}
