package org.lexgate.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.bench.fixture.BenchMessages;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.signature.DocumentSigner;

/**
 * The load generator's phases against one node, for each document-signature algorithm:
 * <ol>
 *   <li>{@code saturation-small}: closed loop, N senders, smallest requests — accepted/s, latency,
 *       CPU per message, heap;</li>
 *   <li>{@code soap-saturation-small}: as 1. over the SOAP hop (lexgate's HopClient, WS-Security);</li>
 *   <li>{@code rate-250}: open loop at 250 offered/s — the latency target;</li>
 *   <li>{@code rate-half-capacity} (first algorithm only): open loop at half the rate the node just
 *       sustained — its latency when not saturated, whatever the machine;</li>
 *   <li>{@code emergency-under-saturation}: the closed loop of 1. plus emergency requests at 5/s —
 *       the emergency lane's latency;</li>
 *   <li>{@code saturation-large}: closed loop with 100 KB requests.</li>
 * </ol>
 * Every request is signed before its phase starts (pools sized from the floor's and the node's
 * observed rates), so the senders spend nothing on signatures while the clock runs. The floor and
 * every phase start only once the node has processed what earlier phases made it accept (a bounded
 * wait on its processing queues; not possible for a node started elsewhere), and each phase reports
 * the processing backlog left when its window closed. The emergency requests go to the node's
 * emergency intake when it has one.
 */
public final class LoadRun {

    /** What to run. */
    public record Settings(int senders, Duration warmup, Duration measure, List<BenchFixture.Algorithm> algorithms,
            double offeredRate, double emergencyRate, boolean smoke, java.nio.file.Path workDir, Duration drainTimeout) {
    }

    private LoadRun() {
    }

    /** Runs the floor for a transport ("soap-hop" or "document-only"), algorithm and nominal size; returns its figures. */
    @FunctionalInterface
    public interface Floor {
        Map<String, Object> run(boolean soap, BenchFixture.Algorithm alg, int bytes) throws Exception;
    }

    /**
     * Runs every phase. Each saturation phase is preceded by the floor of the same transport,
     * algorithm and size ({@code floor}), so that the ratio compares two figures taken under the same
     * machine load; the floor's figures are added to {@code floors} and to the phase ("floor").
     */
    public static List<Map<String, Object>> run(BenchFixture fixture, NodeUnderTest node, Settings s, Floor floor,
            List<Map<String, Object>> floors, PrintStream out) throws Exception {
        List<Map<String, Object>> phases = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        if (node.processingBacklog().isEmpty()) {
            out.println("note: the node's processing backlog cannot be observed (started outside the benchmark):"
                    + " phases do not wait for it, processingBacklogAtEnd is null");
        }
        try (Transport transport = new EtsiPost(node.etsiPostAddress());
             Transport urgentVia = node.emergencyIntakeAddress().map(EtsiPost::new).orElse(null);
             Transport soap = node.soapAddress().isPresent()
                     ? new SoapHop(fixture, node.soapAddress().get(), s.workDir()) : null) {
            Phases runner = new Phases(fixture, node, s, out);
            double nodeRate = warmUp(fixture, transport, s, cores, out);
            double seconds = (s.warmup().toMillis() + s.measure().toMillis()) / 1000.0;
            int small = BenchMessages.SMALL;
            int large = BenchMessages.LARGE;
            for (BenchFixture.Algorithm alg : s.algorithms()) {
                DocumentSigner signer = fixture.requestSigner(alg);

                Map<String, Object> f = runner.floor(floor, floors, false, alg, small);
                SignedPool pool = presign(out, "small", pool(s, rate(f), nodeRate, seconds, small), cores, signer,
                        tx -> request(tx, small));
                phases.add(runner.phase(new LoadPhase.Settings("saturation-small-" + alg, s.senders(), 0, 0,
                        s.warmup(), s.measure()), transport, pool, null, null, alg, f));
                double smallRate = rate(phases.get(phases.size() - 1).get("acceptedPerSecond"));

                if (soap != null) {
                    f = runner.floor(floor, floors, true, alg, small);
                    pool = presign(out, "small (SOAP)", pool(s, 0, smallRate, seconds, small), cores, signer,
                            tx -> request(tx, small));
                    phases.add(runner.phase(new LoadPhase.Settings("soap-saturation-small-" + alg, s.senders(), 0, 0,
                            s.warmup(), s.measure()), soap, pool, null, null, alg, f));
                }

                pool = presign(out, "small at " + (int) s.offeredRate() + "/s",
                        (int) Math.ceil(s.offeredRate() * seconds * 1.05) + 10, cores, signer, tx -> request(tx, small));
                phases.add(runner.phase(new LoadPhase.Settings("rate-" + (int) s.offeredRate() + "-" + alg, s.senders(),
                        s.offeredRate(), 0, s.warmup(), s.measure()), transport, pool, null, null, alg, null));

                if (alg == s.algorithms().get(0) && smallRate > 2) {
                    // the node's latency when it is not saturated, on whatever machine this is
                    double half = Math.floor(smallRate / 2);
                    pool = presign(out, "small at " + (int) half + "/s", (int) Math.ceil(half * seconds * 1.05) + 10, cores,
                            signer, tx -> request(tx, small));
                    phases.add(runner.phase(new LoadPhase.Settings("rate-half-capacity-" + alg, s.senders(), half, 0,
                            s.warmup(), s.measure()), transport, pool, null, null, alg, null));
                }

                pool = presign(out, "small", pool(s, 0, smallRate, seconds, small), cores, signer, tx -> request(tx, small));
                SignedPool urgent = SignedPool.sign((int) Math.ceil(s.emergencyRate() * seconds * 1.2) + 5, cores, signer,
                        tx -> BenchMessages.emergency(BenchFixture.AGENCY, BenchFixture.PROVIDER, tx, small));
                Map<String, Object> emergencyPhase = runner.phase(new LoadPhase.Settings("emergency-under-saturation-" + alg,
                        s.senders(), 0, s.emergencyRate(), s.warmup(), s.measure()), transport, pool, urgent, urgentVia, alg,
                        null);
                emergencyPhase.put("emergencyAddress", node.emergencyIntakeAddress().orElse(node.etsiPostAddress()).toString());
                emergencyPhase.put("emergencyIntake", node.emergencyIntakeAddress().isPresent());
                phases.add(emergencyPhase);

                f = runner.floor(floor, floors, false, alg, large);
                pool = presign(out, "100 KB", pool(s, rate(f), 0, seconds, large), cores, signer, tx -> request(tx, large));
                phases.add(runner.phase(new LoadPhase.Settings("saturation-large-" + alg, s.senders(), 0, 0,
                        s.warmup(), s.measure()), transport, pool, null, null, alg, f));
            }
        }
        return phases;
    }

    private static final Duration WARM_UP_AT_LEAST = Duration.ofSeconds(20);

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Largest pre-signed pool, in bytes of signed requests (a pool spent early ends its window early). */
    private static final long POOL_BYTES = 256L << 20;

    private static SignedPool presign(PrintStream out, String what, int n, int cores, DocumentSigner signer,
            java.util.function.Function<java.util.UUID, byte[]> unsigned) throws Exception {
        out.printf("signing %d %s requests before the clock...%n", n, what);
        return SignedPool.sign(n, cores, signer, unsigned);
    }

    /**
     * Enough pre-signed requests for a closed-loop phase: the faster of the floor's rate and the
     * node's last observed rate, with headroom. A pool spent early ends the phase's window early
     * (reported as poolSpent), it does not distort the figures.
     */
    private static int pool(Settings s, double floorRate, double nodeRate, double seconds, int bytes) {
        double rate = Math.max(Math.max(floorRate, nodeRate * 1.3), bytes > BenchMessages.SMALL ? 20 : 50);
        int n = (int) Math.ceil(rate * seconds * 1.2) + s.senders() * 4;
        int cap = bytes > BenchMessages.SMALL ? (s.smoke() ? 300 : 8_000) : (s.smoke() ? 1_500 : 40_000);
        // off the heap, but within the JVM's direct-memory limit (by default -Xmx): at most 256 MB a pool
        int memoryCap = (int) Math.max(s.senders() * 4L, POOL_BYTES / Math.max(bytes * 1.1, 1));
        return Math.min(n, Math.min(cap, memoryCap));
    }

    private static double rate(Object figure) {
        if (figure instanceof Map<?, ?> floor) {
            return rate(floor.get("messagesPerSecond"));
        }
        return figure instanceof Number n ? n.doubleValue() : 0;
    }

    /**
     * Warms the fresh node (JIT, connection pools, database pages) with saturating traffic before any
     * phase is measured: twice the phase warm-up, and at least 20 s outside a smoke run (on 2 cores the
     * JIT compilers need that long: with 6 s, the first phase ran at half the rate of later ones); its
     * figures are not reported.
     *
     * @return the node's accepted requests per second during the warm-up (sizes the first pool)
     */
    private static double warmUp(BenchFixture fixture, Transport transport, Settings s, int cores, PrintStream out)
            throws Exception {
        Duration time = s.smoke() ? s.warmup().multipliedBy(2) : max(s.warmup().multipliedBy(2), WARM_UP_AT_LEAST);
        int n = (int) Math.min(s.smoke() ? 300 : 12_000, 500.0 * time.toMillis() / 1000.0 + s.senders() * 4);
        out.printf("warming the node up: %d requests, %d s (not measured)...%n", n, time.toSeconds());
        SignedPool pool = SignedPool.sign(n, cores, fixture.requestSigner(BenchFixture.Algorithm.RSA),
                tx -> request(tx, BenchMessages.SMALL));
        long t0 = System.nanoTime();
        new LoadPhase(new LoadPhase.Settings("node-warm-up", s.senders(), 0, 0, time, Duration.ofMillis(1)),
                transport, pool, null, null).run();
        return pool.used() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Runs floors and phases against one node, each after the node's processing backlog has drained. */
    private static final class Phases {
        private final BenchFixture fixture;
        private final NodeUnderTest node;
        private final Settings s;
        private final PrintStream out;

        Phases(BenchFixture fixture, NodeUnderTest node, Settings s, PrintStream out) {
            this.fixture = fixture;
            this.node = node;
            this.s = s;
            this.out = out;
        }

        Map<String, Object> floor(Floor floor, List<Map<String, Object>> floors, boolean soap, BenchFixture.Algorithm alg,
                int bytes) throws Exception {
            Map<String, Object> drain = drain("the floor");
            Map<String, Object> f = floor.run(soap, alg, bytes);
            f.put("drainBefore", drain);
            floors.add(f);
            return f;
        }

        Map<String, Object> phase(LoadPhase.Settings settings, Transport transport, SignedPool pool, SignedPool urgent,
                Transport urgentVia, BenchFixture.Algorithm alg, Map<String, Object> floor) throws Exception {
            Map<String, Object> drain = drain("phase " + settings.name());
            out.printf("phase %s: %d senders, %s, warm-up %d s, measured %d s%n", settings.name(), settings.senders(),
                    settings.ratePerSecond() > 0 ? String.format("%.0f/s offered", settings.ratePerSecond()) : "saturation",
                    settings.warmup().toSeconds(), settings.measure().toSeconds());
            LoadPhase phase = new LoadPhase(settings, transport, pool, urgent, urgentVia, node::processingBacklog, out);
            Map<String, Object> r = phase.run();
            r.put("drainBefore", drain);
            r.put("algorithm", alg.description());
            r.put("poolSize", pool.size());
            r.put("poolOffHeapBytes", pool.totalBytes() + (urgent == null ? 0 : urgent.totalBytes()));
            r.put("receiptsVerified", verifyReceipts(fixture, phase.sampleReceipts()));
            if (floor != null) {
                double floorRate = rate(floor);
                r.put("floorMessagesPerSecond", floorRate);
                r.put("floorTransport", floor.get("transport"));
                r.put("ratioToFloor", floorRate > 0 ? rate(r.get("acceptedPerSecond")) / floorRate : null);
            }
            return r;
        }

        /**
         * Waits, at most {@code drainTimeout}, until the node has processed every message it accepted
         * (its processing queues read 0 twice, 100 ms apart: the broker's counts lag a little), so
         * that what comes next does not share the machine with the last phase's processing.
         */
        private Map<String, Object> drain(String before) throws InterruptedException {
            Map<String, Object> r = new LinkedHashMap<>();
            OptionalLong found = node.processingBacklog();
            if (found.isEmpty()) {
                r.put("note", "not observable: node started outside the benchmark");
                return r;
            }
            long t0 = System.nanoTime();
            long deadline = t0 + s.drainTimeout().toNanos();
            long last = found.getAsLong();
            int zeros = last == 0 ? 1 : 0;
            while (zeros < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100); // a bounded poll of the broker's queue depth
                last = node.processingBacklog().orElse(-1);
                zeros = last == 0 ? zeros + 1 : 0;
            }
            double waited = (System.nanoTime() - t0) / 1e9;
            r.put("processingBacklogFound", found.getAsLong());
            r.put("waitedSeconds", waited);
            r.put("drained", last == 0);
            if (last != 0) {
                out.printf("note: the node still had %d messages to process after waiting %.0f s; %s starts anyway%n",
                        last, waited, before);
            } else if (found.getAsLong() > 0) {
                out.printf("the node processed its backlog of %d messages in %.1f s before %s%n", found.getAsLong(),
                        waited, before);
            }
            return r;
        }
    }

    /** Checks, after the clock, that sampled receipts are signed receipts that verify (document signature). */
    private static int verifyReceipts(BenchFixture fixture, List<byte[]> receipts) {
        int ok = 0;
        for (byte[] receipt : receipts) {
            try {
                fixture.verifier().verify(receipt);
                fixture.codec().readChecked(receipt);
                ok++;
            } catch (MessageRejectedException e) {
                // counted as not verified
            }
        }
        return ok;
    }

    private static byte[] request(java.util.UUID tx, int size) {
        return BenchMessages.request(BenchFixture.AGENCY, BenchFixture.PROVIDER, tx, size);
    }

}
