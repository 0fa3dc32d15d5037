package org.lexgate.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What this JVM process has used: CPU time (all threads, GC and JIT included), heap (the sum of
 * the heap pools' peak usage since the last {@link #resetPeaks()}; the sum of per-pool peaks, so an
 * upper bound of the true peak), heap in use now, and the process's peak resident set (VmHWM of
 * /proc/self/status, Linux only; it never goes down).
 */
public final class ProcessStats {

    private ProcessStats() {
    }

    /** Process CPU time in nanoseconds, or -1 when the JVM cannot tell. */
    public static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Starts a new peak-heap window. */
    public static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since the last reset, in bytes. */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * Heap in use right after the most recent collection of each heap pool, summed: an estimate of
     * the live heap (what the program needs), unlike the peaks, which also count garbage not yet
     * collected and so grow with the maximum heap size.
     */
    public static long heapAfterGcBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                sum += pool.getCollectionUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * Bytes allocated so far by each thread alive now (HotSpot's per-thread counters, by thread id),
     * or null when the JVM cannot tell. See {@link #allocatedSince}.
     */
    public static Map<Long, Long> allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            long[] ids = threads.getAllThreadIds();
            long[] bytes = threads.getThreadAllocatedBytes(ids);
            Map<Long, Long> byThread = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                if (bytes[i] >= 0) {
                    byThread.put(ids[i], bytes[i]);
                }
            }
            return byThread;
        }
        return null;
    }

    /**
     * What the threads alive now allocated since {@code before} ({@link #allocatedBytes}; a thread
     * started since counts from zero), or -1 when unknown. Threads that ended in between are not
     * counted; unlike the heap peaks the figure does not depend on when the collector ran.
     */
    public static long allocatedSince(Map<Long, Long> before) {
        Map<Long, Long> now = allocatedBytes();
        if (before == null || now == null) {
            return -1;
        }
        long sum = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
        }
        return sum;
    }

    /** Heap in use now, in bytes. */
    public static long usedHeapBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Heap in use after a full collection request (best effort), in bytes. */
    public static long settledHeapBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return usedHeapBytes();
    }

    /** Peak resident set size of this process in bytes (VmHWM), if /proc is there. */
    public static OptionalLong peakRssBytes() {
        return statusKb("VmHWM:");
    }

    /** Resident set size now in bytes (VmRSS), if /proc is there. */
    public static OptionalLong rssBytes() {
        return statusKb("VmRSS:");
    }

    private static OptionalLong statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
