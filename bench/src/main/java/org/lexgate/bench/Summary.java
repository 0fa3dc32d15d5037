package org.lexgate.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lexgate.bench.report.Table;

/**
 * The report's conclusions, computed from its figures: the node/floor ratios and the issue's
 * targets, each with its threshold, the measured value and whether it is met. The thresholds are
 * the (#5); every measured value comes from this run.
 */
final class Summary {

    private Summary() {
    }

    /**
     * Node accepted/s over floor msg/s at saturation, same transport, algorithm and size, the floor
     * measured just before the phase: ETSI POST phases against the document-only floor, SOAP phases
     * against the floor with the hop signature both ways.
     */
    static List<Map<String, Object>> ratios(Map<String, Object> load) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> p : phases(load)) {
            if (!p.containsKey("ratioToFloor")) {
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("phase", p.get("phase"));
            r.put("floor", p.get("floorTransport"));
            r.put("nodeAcceptedPerSecond", p.get("acceptedPerSecond"));
            r.put("floorMessagesPerSecond", p.get("floorMessagesPerSecond"));
            r.put("ratio", p.get("ratioToFloor"));
            out.add(r);
        }
        return out;
    }

    /** The targets against this run's figures. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> targets(Map<String, Object> report) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> load = (Map<String, Object>) report.get("load");
        if (load == null) {
            return out;
        }
        long maxHeap = 0;
        long liveHeap = 0;
        long errors = 0;
        for (Map<String, Object> p : phases(load)) {
            String phase = (String) p.get("phase");
            maxHeap = Math.max(maxHeap, ((Number) p.get("peakHeapUsedBytes")).longValue());
            liveHeap = Math.max(liveHeap, ((Number) p.get("peakHeapAfterGcBytes")).longValue());
            errors += ((Number) p.get("errors")).longValue();
            if (phase.startsWith("saturation-small")) {
                out.add(target("accepted small requests/s (" + alg(phase) + ")", ">= 500", num(p.get("acceptedPerSecond")),
                        num(p.get("acceptedPerSecond")) >= 500));
            } else if (phase.startsWith("rate-half-capacity")) {
                double p99 = num(((Map<String, Object>) p.get("latencyMillis")).get("p99"));
                out.add(target("p99 ms at half the node's capacity, " + p.get("offeredPerSecond") + "/s offered ("
                        + alg(phase) + "; informational)", "-", p99, true));
            } else if (phase.startsWith("rate-")) {
                double p99 = num(((Map<String, Object>) p.get("latencyMillis")).get("p99"));
                out.add(target("p99 ms submission to receipt at " + p.get("offeredPerSecond") + "/s offered (" + alg(phase) + ")",
                        "<= 50", p99, p99 <= 50 && num(p.get("acceptedPerSecond")) >= 0.95 * num(p.get("offeredPerSecond"))));
            } else if (phase.startsWith("emergency-")) {
                double p99 = num(((Map<String, Object>) p.get("emergencyLatencyMillis")).get("p99"));
                out.add(target("emergency p99 ms under saturation (" + alg(phase) + ")", "<= 100", p99, p99 <= 100));
            }
        }
        for (Map<String, Object> r : (List<Map<String, Object>>) report.getOrDefault("ratios", List.of())) {
            if (r.get("ratio") != null) {
                out.add(target("node/floor ratio " + r.get("phase"), ">= 0.5", num(r.get("ratio")), num(r.get("ratio")) >= 0.5));
            }
        }
        long xmx = ((Number) ((Map<String, Object>) report.get("machine")).get("maxHeapBytes")).longValue();
        out.add(target("peak heap used MB under load (node + load generator; -Xmx " + (xmx >> 20) + " MB, no errors: "
                + (errors == 0) + ")", "<= 512", maxHeap / 1048576.0, maxHeap <= 512L << 20 && errors == 0));
        out.add(target("peak live heap MB after GC under load (informational)", "-", liveHeap / 1048576.0, true));
        Map<String, Object> delivery = (Map<String, Object>) load.get("delivery");
        if (delivery != null && delivery.get("heapGrowthPerMessageByte") != null) {
            double growth = num(delivery.get("heapGrowthPerMessageByte"));
            out.add(target("heap growth / size of a " + delivery.get("messageBytes") + " B delivery", "well under 10",
                    growth, growth < 10));
        }
        Map<String, Object> crossBorder = (Map<String, Object>) load.get("crossBorder");
        if (crossBorder != null && crossBorder.get("latencyMillis") instanceof Map<?, ?> lat) {
            out.add(target("cross-border round trip p50 ms (informational)", "-", num(lat.get("p50")), true));
        }
        return out;
    }

    static String targetTable(Map<String, Object> report) {
        Table table = new Table("target", "wanted", "measured", "met");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) report.getOrDefault("targets", List.of());
        for (Map<String, Object> t : targets) {
            table.row(t.get("target"), t.get("wanted"), t.get("measured"), Boolean.TRUE.equals(t.get("met")) ? "yes" : "NO");
        }
        return table.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> phases(Map<String, Object> load) {
        return (List<Map<String, Object>>) load.getOrDefault("phases", List.of());
    }

    private static Map<String, Object> target(String what, String wanted, double measured, boolean met) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", what);
        t.put("wanted", wanted);
        t.put("measured", measured);
        t.put("met", met);
        return t;
    }

    private static String alg(String phase) {
        return phase.substring(phase.lastIndexOf('-') + 1);
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
