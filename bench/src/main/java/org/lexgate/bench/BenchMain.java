package org.lexgate.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.bench.fixture.BenchMessages;
import org.lexgate.bench.floor.FloorRun;
import org.lexgate.bench.load.LoadRun;
import org.lexgate.bench.load.BenchNetwork;
import org.lexgate.bench.load.CrossBorderRun;
import org.lexgate.bench.load.DeliveryRun;
import org.lexgate.bench.load.NodeUnderTest;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.bench.micro.MicroRunner;
import org.lexgate.bench.report.Json;
import org.lexgate.bench.report.Machine;
import org.lexgate.bench.report.Table;

/**
 * {@code lexgate bench}: the micro-benchmarks (JMH), the floor, and the load generator against a
 * real node, in one run; a short table on stdout, every figure in {@code OUT/lexgate-bench.json}
 * (JMH's own result file beside it). No picocli: the gateway's CLI calls {@link #run(String[])}.
 */
public final class BenchMain {

    static {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/lexgate/bench/logback-bench.xml");
        }
    }

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the benchmark; returns the process exit code (0 done, 1 failed, 2 bad arguments). */
    public static int run(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lexgate bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            return 2;
        }
        if (options.help) {
            System.out.print(BenchOptions.USAGE);
            return 0;
        }
        try {
            run(options, System.out);
            return 0;
        } catch (Exception e) {
            System.err.println("lexgate bench failed: " + e);
            e.printStackTrace(System.err);
            return 1;
        }
    }

    /** Runs the parts the options select, writes the report and returns it (also what the smoke test checks). */
    static Map<String, Object> run(BenchOptions o, PrintStream out) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(o.out);
        Path fixtureFolder = o.fixture != null ? o.fixture : Files.createTempDirectory("lexgate-bench-");
        out.println("lexgate bench" + (o.smoke ? " (smoke)" : "") + ": preparing the test PKI (NOT FOR PRODUCTION) in " + fixtureFolder);
        try {
            BenchFixture fixture = BenchFixture.open(fixtureFolder);

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("machine", Machine.describe());
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("smoke", o.smoke);
            settings.put("parts", o.parts.toString());
            settings.put("senders", o.senders);
            settings.put("floorThreads", o.floorThreads);
            settings.put("warmupSeconds", o.warmup.toMillis() / 1000.0);
            settings.put("measureSeconds", o.duration.toMillis() / 1000.0);
            settings.put("drainTimeoutSeconds", o.drainTimeout.toMillis() / 1000.0);
            settings.put("algorithms", o.algorithms.stream().map(BenchFixture.Algorithm::description).toList());
            settings.put("messageSizes", Map.of("requestSmallBytes", BenchMessages.SMALL, "requestLargeBytes",
                    BenchMessages.LARGE, "deliveryBytes", o.smoke ? BenchMessages.DELIVERY / 10 : BenchMessages.DELIVERY));
            report.put("settings", settings);

            Map<String, Object> partSeconds = new LinkedHashMap<>();
            long t = System.nanoTime();
            if (o.parts.contains(BenchOptions.Part.MICRO)) {
                report.put("micro", micro(o, fixtureFolder, out));
                partSeconds.put("micro", (System.nanoTime() - t) / 1e9);
            }
            if (o.parts.contains(BenchOptions.Part.FLOOR) && !o.parts.contains(BenchOptions.Part.LOAD)) {
                t = System.nanoTime();
                report.put("floor", floor(o, fixture, out));
                partSeconds.put("floor", (System.nanoTime() - t) / 1e9);
            }
            if (o.parts.contains(BenchOptions.Part.LOAD)) {
                t = System.nanoTime();
                List<Map<String, Object>> floor = new ArrayList<>();
                Map<String, Object> load = load(o, fixture, fixtureFolder, floor, out);
                report.put("floor", floor);
                report.put("load", load);
                partSeconds.put("load and floor", (System.nanoTime() - t) / 1e9);
                report.put("ratios", Summary.ratios(load));
                report.put("targets", Summary.targets(report));
                out.println(Summary.targetTable(report));
            }
            if (o.parts.contains(BenchOptions.Part.DELIVERY) && !o.parts.contains(BenchOptions.Part.LOAD)) {
                t = System.nanoTime();
                Map<String, Object> load = new LinkedHashMap<>();
                load.put("delivery", delivery(o, fixture, BenchNetwork.in(fixture,
                        fixtureFolder.resolve("network-" + System.currentTimeMillis())), out));
                report.put("load", load);
                partSeconds.put("delivery", (System.nanoTime() - t) / 1e9);
            }
            report.put("loadAverageAtEnd", Machine.loadAverage());
            report.put("partSeconds", partSeconds);
            report.put("totalSeconds", (System.nanoTime() - started) / 1e9);
            Path file = o.out.resolve("lexgate-bench.json");
            Files.writeString(file, Json.write(report), StandardCharsets.UTF_8);
            out.println("figures: " + file.toAbsolutePath());
            return report;
        } finally {
            if (o.fixture == null) {
                deleteQuietly(fixtureFolder); // the test PKI, the nodes' stores and journals: gigabytes after a full run
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("lexgate bench: could not remove " + folder + ": " + e);
        }
    }

    private static Map<String, Object> micro(BenchOptions o, Path fixtureFolder, PrintStream out) throws Exception {
        out.println("micro-benchmarks (JMH)...");
        MicroRunner.Settings settings = o.smoke ? MicroRunner.Settings.smoke() : MicroRunner.Settings.full();
        if (o.jmhInclude != null) {
            settings = settings.including(o.jmhInclude);
        }
        Path jmhJson = o.out.resolve("jmh.json");
        List<Map<String, Object>> rows = MicroRunner.run(settings, fixtureFolder, jmhJson, true);
        Table table = new Table("benchmark", "params", "median us", "mean us", "p90 us", "ops/s (median)");
        for (Map<String, Object> row : rows) {
            table.row(row.get("benchmark"), row.get("params").toString().replaceAll("[{} ]", ""),
                    row.get("microsecondsPerOp"), row.get("meanMicroseconds"), row.get("p90Microseconds"),
                    row.get("opsPerSecond"));
        }
        out.println(table);
        Map<String, Object> micro = new LinkedHashMap<>();
        micro.put("jmhResultFile", jmhJson.toAbsolutePath().toString());
        micro.put("settings", settings.toString());
        micro.put("results", rows);
        return micro;
    }

    /** The floor on its own (--only floor): every transport, algorithm and size. */
    private static List<Map<String, Object>> floor(BenchOptions o, BenchFixture fixture, PrintStream out) throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        for (boolean soap : new boolean[] {false, true}) {
            for (BenchFixture.Algorithm alg : o.algorithms) {
                for (int size : new int[] {BenchMessages.SMALL, BenchMessages.LARGE}) {
                    results.add(floorOnce(o, fixture, soap, alg, size, out));
                }
            }
        }
        out.println(floorTable(results));
        return results;
    }

    private static Map<String, Object> floorOnce(BenchOptions o, BenchFixture fixture, boolean soap,
            BenchFixture.Algorithm alg, int size, PrintStream out) throws Exception {
        out.printf("floor %s %s %d B, %d threads...%n", soap ? "soap-hop" : "document-only", alg, size, o.floorThreads);
        Map<String, Object> r = FloorRun.run(fixture, new FloorRun.Settings(o.floorThreads, o.floorWarmup(),
                o.floorMeasure(), size, alg, soap, 64));
        r.put("loadAverage", Machine.loadAverage());
        return r;
    }

    private static Table floorTable(List<Map<String, Object>> results) {
        Table table = new Table("floor", "algorithm", "request B", "threads", "msg/s", "cpu ms/msg");
        for (Map<String, Object> r : results) {
            table.row(r.get("transport"), r.get("algorithm"), r.getOrDefault("signedRequestBytes", r.get("requestBytes")),
                    r.get("threads"), r.get("messagesPerSecond"), r.get("cpuMillisPerMessage"));
        }
        return table;
    }

    /** The 10 MB delivery (smoke: 1 MB, once) to an agency node of {@code network}. */
    private static Map<String, Object> delivery(BenchOptions o, BenchFixture fixture, BenchNetwork network, PrintStream out)
            throws Exception {
        int bytes = o.smoke ? BenchMessages.DELIVERY / 10 : BenchMessages.DELIVERY;
        Map<String, Object> delivery = DeliveryRun.run(fixture, network, bytes, o.smoke ? 1 : 3, o.database, out);
        Number allocated = (Number) delivery.get("maxAllocatedBytesToReceipt");
        out.printf("delivery of %d B: heap growth %.1f MB = %.2f x its size (after GC: %.2f x; allocated to the receipt: %s)%n%n",
                delivery.get("messageBytes"), ((Number) delivery.get("maxHeapGrowthBytes")).doubleValue() / (1 << 20),
                delivery.get("heapGrowthPerMessageByte"), delivery.get("heapAfterGcGrowthPerMessageByte"),
                allocated == null ? "-" : String.format("%.1f MB", allocated.doubleValue() / (1 << 20)));
        return delivery;
    }

    private static Map<String, Object> load(BenchOptions o, BenchFixture fixture, Path folder,
            List<Map<String, Object>> floor, PrintStream out) throws Exception {
        Map<String, Object> load = new LinkedHashMap<>();
        BenchNetwork network = BenchNetwork.in(fixture, folder.resolve("network-" + System.currentTimeMillis()));
        try (NodeUnderTest node = o.url != null ? NodeUnderTest.external(o.url, o.emergencyUrl) : network.underTest(TestParty.XA_PROVIDER, o.database)) {
            out.println("node under test: " + node.description());
            load.put("node", node.description());
            List<Map<String, Object>> phases = LoadRun.run(fixture, node, new LoadRun.Settings(o.senders, o.warmup,
                    o.duration, o.algorithms, o.offeredRate, o.emergencyRate, o.smoke, folder.resolve("hop"), o.drainTimeout),
                    (soap, alg, bytes) -> floorOnce(o, fixture, soap, alg, bytes, out), floor, out);
            load.put("phases", phases);
            out.println(floorTable(floor));
            Table table = new Table("phase", "acc/s", "proc/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "emerg p99", "node cpu ms",
                    "cores busy", "heap MB", "live MB", "backlog at end");
            for (Map<String, Object> p : phases) {
                Map<?, ?> lat = (Map<?, ?>) p.get("latencyMillis");
                Map<?, ?> em = (Map<?, ?>) p.get("emergencyLatencyMillis");
                table.row(p.get("phase"), p.get("acceptedPerSecond"),
                        p.get("processedPerSecond") == null ? "-" : p.get("processedPerSecond"), lat.get("p50"), lat.get("p95"), lat.get("p99"),
                        lat.get("max"), em == null ? "" : em.get("p99"), p.get("nodeCpuMillisPerMessage"), p.get("cpuCoresBusy"),
                        ((Number) p.get("peakHeapBytes")).doubleValue() / (1 << 20),
                        ((Number) p.get("peakHeapAfterGcBytes")).doubleValue() / (1 << 20),
                        p.get("processingBacklogAtEnd") == null ? "-" : p.get("processingBacklogAtEnd"));
            }
            out.println(table);
        }
        if (o.url == null) {
            load.put("delivery", delivery(o, fixture, network, out));
        }
        if (o.url == null) {
            Map<String, Object> crossBorder = CrossBorderRun.run(folder.resolve("cross-border-" + System.currentTimeMillis()),
                    o.smoke ? 2 : 10, out);
            load.put("crossBorder", crossBorder);
            Map<?, ?> lat = (Map<?, ?>) crossBorder.get("latencyMillis");
            out.printf("cross-border round trip through two contact points: %s of %s completed, p50 %s ms, max %s ms%n%n",
                    crossBorder.get("completed"), crossBorder.get("trips"), lat.get("p50"), lat.get("max"));
        }
        return load;
    }
}
