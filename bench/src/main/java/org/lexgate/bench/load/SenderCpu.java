package org.lexgate.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the load generator's own threads (named "bench-..." — senders, the HTTP client's
 * executor — and the JDK HTTP client's selector threads, "HttpClient-..."), so that the process's
 * CPU time can be split into "sender" and "node" when both run in one JVM.
 */
final class SenderCpu {

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();

    SenderCpu() {
        snapshot(start);
    }

    /** Sender CPU nanoseconds since construction (threads that ended in between are not counted). */
    long elapsedNanos() {
        Map<Long, Long> now = new HashMap<>();
        snapshot(now);
        long sum = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            sum += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    private void snapshot(Map<Long, Long> into) {
        long[] ids = mx.getAllThreadIds();
        ThreadInfo[] infos = mx.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            String name = infos[i].getThreadName();
            if (name.startsWith("bench-") || name.startsWith("HttpClient-")) {
                long cpu = mx.getThreadCpuTime(ids[i]);
                if (cpu >= 0) {
                    into.put(ids[i], cpu);
                }
            }
        }
    }
}
