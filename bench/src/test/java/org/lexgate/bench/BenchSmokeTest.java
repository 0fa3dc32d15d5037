package org.lexgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lexgate bench --smoke}: the whole benchmark runs for a few seconds against a real node and
 * its report has every figure, each plausible (positive, percentiles in order, receipts that
 * verify). How fast anything is, is not checked here.
 */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void smokeRunReportsEveryFigure() throws Exception {
        BenchOptions options = BenchOptions.parse(new String[] {"--smoke", "--only", "micro,floor,load",
            "--algorithms", "rsa", "--jmh", "CodecBenchmarks.validate", "--out", dir.resolve("out").toString(),
            "--fixture", dir.resolve("fixture").toString()});
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Map<String, Object> report = BenchMain.run(options, new PrintStream(console, true, StandardCharsets.UTF_8));
        String printed = console.toString(StandardCharsets.UTF_8);

        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        assertThat(machine).containsKeys("cpu", "cores", "memoryBytes", "jvm", "os", "maxHeapBytes");
        assertThat((Integer) machine.get("cores")).isPositive();
        assertThat(report.get("settings")).isNotNull();

        Map<String, Object> micro = (Map<String, Object>) report.get("micro");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) micro.get("results");
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(number(r, "microsecondsPerOp")).isPositive();
            assertThat(number(r, "samples")).isPositive();
        });
        assertThat(Path.of((String) micro.get("jmhResultFile"))).isNotEmptyFile();

        List<Map<String, Object>> floor = (List<Map<String, Object>>) report.get("floor");
        assertThat(floor).hasSize(3); // before each saturation phase: document-only small and large, soap-hop small
        for (Map<String, Object> f : floor) {
            assertThat(number(f, "messages")).isPositive();
            assertThat(number(f, "messagesPerSecond")).isPositive();
            assertThat(number(f, "cpuMillisPerMessage")).isPositive();
            assertDrained((Map<String, Object>) f.get("drainBefore"));
            assertThat((Map<String, Object>) f.get("stepWallMillisPerMessage")).isNotEmpty()
                    .allSatisfy((k, v) -> assertThat(((Number) v).doubleValue()).as(k).isPositive());
        }

        Map<String, Object> load = (Map<String, Object>) report.get("load");
        List<Map<String, Object>> phases = (List<Map<String, Object>>) load.get("phases");
        assertThat(phases).extracting(p -> p.get("phase")).containsExactly("saturation-small-RSA",
                "soap-saturation-small-RSA", "rate-250-RSA", "rate-half-capacity-RSA", "emergency-under-saturation-RSA",
                "saturation-large-RSA");
        for (Map<String, Object> p : phases) {
            assertThat(number(p, "accepted")).as(p.get("phase") + " accepted").isPositive();
            assertThat(number(p, "acceptedPerSecond")).isPositive();
            assertThat(number(p, "errors")).as(p.get("phase") + " errors: " + p.get("firstError")).isZero();
            assertThat(number(p, "receiptsVerified")).as("signed receipts that verify").isPositive();
            assertLatency((Map<String, Object>) p.get("latencyMillis"));
            assertThat(number(p, "cpuMillisPerMessage")).isPositive();
            assertThat(number(p, "nodeCpuMillisPerMessage")).isPositive();
            assertThat(number(p, "peakHeapBytes")).isPositive();
            assertThat(number(p, "peakHeapUsedBytes")).isPositive();
            assertThat(number(p, "peakRssBytes")).isPositive();
            assertThat(number(p, "processingBacklogAtEnd")).as(p.get("phase") + " processing backlog")
                    .isGreaterThanOrEqualTo(0);
            assertThat(number(p, "processingBacklogAtStart")).isGreaterThanOrEqualTo(0);
            double couldProcess = (number(p, "processingBacklogAtStart") + number(p, "accepted")
                    + (p.containsKey("emergencyAccepted") ? number(p, "emergencyAccepted") : 0)) / number(p, "measuredSeconds");
            assertThat(number(p, "processedPerSecond")).as(p.get("phase") + " processed/s: at most what was there to process")
                    .isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(couldProcess + 1e-9);
            assertDrained((Map<String, Object>) p.get("drainBefore"));
        }
        Map<String, Object> emergency = phases.stream()
                .filter(p -> "emergency-under-saturation-RSA".equals(p.get("phase"))).findFirst().orElseThrow();
        assertLatency((Map<String, Object>) emergency.get("emergencyLatencyMillis"));
        assertThat(emergency.get("emergencyIntake")).as("emergencies sent to the node's emergency intake").isEqualTo(true);
        assertThat((String) emergency.get("emergencyAddress")).startsWith("http://127.0.0.1:");
        assertThat(number(emergency, "emergencyAccepted")).isPositive();

        Map<String, Object> delivery = (Map<String, Object>) load.get("delivery");
        assertThat(number(delivery, "accepted")).as("large delivery accepted").isEqualTo(number(delivery, "deliveries"));
        assertThat(number(delivery, "messageBytes")).isGreaterThan(1_000_000);
        // The heap's usage moves by whole G1 regions (4 MB under the test JVM's default heap), and the
        // smoke delivery (1 MB) allocates ~9 MB to its receipt: its growth is 0 or a region or two.
        assertThat(number(delivery, "heapGrowthPerMessageByte")).isNotNegative();
        for (Map<String, Object> run : (List<Map<String, Object>>) delivery.get("runs")) {
            assertThat(number(run, "peakHeapBytes")).isPositive();
            assertThat(number(run, "allocatedBytesToReceipt")).as("allocated to the receipt: at least the message read")
                    .isGreaterThan(number(delivery, "messageBytes"));
        }

        Map<String, Object> crossBorder = (Map<String, Object>) load.get("crossBorder");
        assertThat(number(crossBorder, "completed")).as("cross-border round trips").isEqualTo(number(crossBorder, "trips"));
        Map<String, Object> trip = (Map<String, Object>) crossBorder.get("latencyMillis");
        assertThat(number(trip, "p50")).isPositive();
        assertThat(number(trip, "max")).isGreaterThanOrEqualTo(number(trip, "p50"));

        List<Map<String, Object>> ratios = (List<Map<String, Object>>) report.get("ratios");
        assertThat(ratios).hasSize(3).allSatisfy(r -> assertThat(number(r, "ratio")).isPositive());
        assertThat((List<?>) report.get("targets")).isNotEmpty();

        assertThat(printed).contains("floor", "phase", "accepted", "target");
        assertThat(dir.resolve("out/lexgate-bench.json")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("out/lexgate-bench.json"))).contains("\"ratios\"", "\"latencyMillis\"");
    }

    /** The wait for the node's processing backlog before a floor or phase: it ran, and ended with nothing left or a note. */
    private static void assertDrained(Map<String, Object> drain) {
        assertThat(drain).isNotNull();
        assertThat(number(drain, "processingBacklogFound")).isGreaterThanOrEqualTo(0);
        assertThat(number(drain, "waitedSeconds")).isGreaterThanOrEqualTo(0);
        assertThat(drain).containsKey("drained");
    }

    private static void assertLatency(Map<String, Object> latency) {
        assertThat(latency).isNotNull();
        assertThat(number(latency, "count")).isPositive();
        double p50 = number(latency, "p50");
        assertThat(p50).isPositive();
        assertThat(number(latency, "p95")).isGreaterThanOrEqualTo(p50);
        assertThat(number(latency, "p99")).isGreaterThanOrEqualTo(number(latency, "p95"));
        assertThat(number(latency, "max")).isGreaterThanOrEqualTo(number(latency, "p99"));
    }

    private static double number(Map<String, Object> map, String key) {
        assertThat(map).containsKey(key);
        return ((Number) map.get(key)).doubleValue();
    }
}
