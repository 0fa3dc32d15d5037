package org.lexgate.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.bench.fixture.BenchMessages;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.signature.DocumentSigner;

/**
 * The load generator's phases against one node, for each document-signature algorithm:
 * <ol>
 *   <li>{@code saturation-small}: closed loop, N senders, smallest requests — accepted/s, latency,
 *       CPU per message, heap;</li>
 *   <li>{@code rate-250}: open loop at 250 offered/s — latency when the node is not saturated;</li>
 *   <li>{@code emergency-under-saturation}: the closed loop of 1. plus emergency requests at 5/s —
 *       the emergency lane's latency;</li>
 *   <li>{@code saturation-large}: closed loop with 100 KB requests.</li>
 * </ol>
 * Every request is signed before its phase starts (pools sized from the floor's rate, which a node
 * cannot beat by much), so the senders spend nothing on signatures while the clock runs.
 */
public final class LoadRun {

    /**
     * What to run. {@code floorRate} maps "document|soap/ALG/bytes" to the floor's messages per second
     * (it sizes the pools of pre-signed requests).
     */
    public record Settings(int senders, Duration warmup, Duration measure, List<BenchFixture.Algorithm> algorithms,
            double offeredRate, double emergencyRate, Map<String, Double> floorRate, boolean smoke, java.nio.file.Path workDir) {
    }

    private LoadRun() {
    }

    public static List<Map<String, Object>> run(BenchFixture fixture, NodeUnderTest node, Settings s, PrintStream out)
            throws Exception {
        List<Map<String, Object>> phases = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        try (Transport transport = new EtsiPost(node.etsiPostAddress());
             Transport soap = node.soapAddress().isPresent()
                     ? new SoapHop(fixture, node.soapAddress().get(), s.workDir()) : null) {
            for (BenchFixture.Algorithm alg : s.algorithms()) {
                DocumentSigner signer = fixture.requestSigner(alg);
                double seconds = (s.warmup().toMillis() + s.measure().toMillis()) / 1000.0;
                int small = BenchMessages.SMALL;
                int large = BenchMessages.LARGE;

                int saturationPool = poolSize(s, alg, small, seconds, 1.2);
                out.printf("load %s: signing %d small requests before the clock...%n", alg, saturationPool);
                SignedPool pool = SignedPool.sign(saturationPool, cores, signer, tx -> request(tx, small));
                phases.add(phase(fixture, new LoadPhase.Settings("saturation-small-" + alg, s.senders(), 0, 0,
                        s.warmup(), s.measure()), transport, pool, null, alg, out));

                if (soap != null) {
                    int soapPool = poolSize(s, alg, small, seconds, 1.2, "soap");
                    out.printf("load %s: signing %d small requests for the SOAP hop...%n", alg, soapPool);
                    pool = SignedPool.sign(soapPool, cores, signer, tx -> request(tx, small));
                    phases.add(phase(fixture, new LoadPhase.Settings("soap-saturation-small-" + alg, s.senders(), 0, 0,
                            s.warmup(), s.measure()), soap, pool, null, alg, out));
                }

                int ratePool = (int) Math.ceil(s.offeredRate() * seconds * 1.05) + 10;
                out.printf("load %s: signing %d requests for %.0f/s offered...%n", alg, ratePool, s.offeredRate());
                pool = SignedPool.sign(ratePool, cores, signer, tx -> request(tx, small));
                phases.add(phase(fixture, new LoadPhase.Settings("rate-" + (int) s.offeredRate() + "-" + alg, s.senders(),
                        s.offeredRate(), 0, s.warmup(), s.measure()), transport, pool, null, alg, out));

                pool = SignedPool.sign(poolSize(s, alg, small, seconds, 1.2), cores, signer, tx -> request(tx, small));
                SignedPool urgent = SignedPool.sign((int) Math.ceil(s.emergencyRate() * seconds * 1.2) + 5, cores, signer,
                        tx -> BenchMessages.emergency(BenchFixture.AGENCY, BenchFixture.PROVIDER, tx, small));
                phases.add(phase(fixture, new LoadPhase.Settings("emergency-under-saturation-" + alg, s.senders(), 0,
                        s.emergencyRate(), s.warmup(), s.measure()), transport, pool, urgent, alg, out));

                int largePool = poolSize(s, alg, large, seconds, 1.2);
                out.printf("load %s: signing %d 100 KB requests...%n", alg, largePool);
                pool = SignedPool.sign(largePool, cores, signer, tx -> request(tx, large));
                phases.add(phase(fixture, new LoadPhase.Settings("saturation-large-" + alg, s.senders(), 0, 0,
                        s.warmup(), s.measure()), transport, pool, null, alg, out));
            }
        }
        return phases;
    }

    private static Map<String, Object> phase(BenchFixture fixture, LoadPhase.Settings settings, Transport transport,
            SignedPool pool, SignedPool urgent, BenchFixture.Algorithm alg, PrintStream out) throws Exception {
        out.printf("phase %s: %d senders, %s, warm-up %d s, measured %d s%n", settings.name(), settings.senders(),
                settings.ratePerSecond() > 0 ? String.format("%.0f/s offered", settings.ratePerSecond()) : "saturation",
                settings.warmup().toSeconds(), settings.measure().toSeconds());
        LoadPhase phase = new LoadPhase(settings, transport, pool, urgent, out);
        Map<String, Object> r = phase.run();
        r.put("algorithm", alg.description());
        r.put("poolSize", pool.size());
        r.put("poolOffHeapBytes", pool.totalBytes() + (urgent == null ? 0 : urgent.totalBytes()));
        r.put("receiptsVerified", verifyReceipts(fixture, phase.sampleReceipts()));
        return r;
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

    private static int poolSize(Settings s, BenchFixture.Algorithm alg, int bytes, double seconds, double headroom) {
        return poolSize(s, alg, bytes, seconds, headroom, "document");
    }

    private static int poolSize(Settings s, BenchFixture.Algorithm alg, int bytes, double seconds, double headroom,
            String floor) {
        double rate = s.floorRate().getOrDefault(floor + "/" + alg + "/" + bytes, bytes > BenchMessages.SMALL ? 150.0 : 400.0);
        int n = (int) Math.ceil(rate * seconds * headroom) + s.senders() * 4;
        int cap = bytes > BenchMessages.SMALL ? (s.smoke() ? 300 : 10_000) : (s.smoke() ? 1_500 : 60_000);
        return Math.min(n, cap);
    }

    private static byte[] request(java.util.UUID tx, int size) {
        return BenchMessages.request(BenchFixture.AGENCY, BenchFixture.PROVIDER, tx, size);
    }

}
