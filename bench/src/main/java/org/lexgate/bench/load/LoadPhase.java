package org.lexgate.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.lexgate.bench.report.ProcessStats;

/**
 * One measured phase of load against a node: senders start together, run a warm-up, then a fixed
 * measured window, then stop. Routine traffic is either a closed loop (each sender submits its next
 * message as soon as the previous is answered: saturation) or an open loop at a fixed offered rate
 * (latency counted from the scheduled send time, so a node that falls behind is not flattered). An
 * optional emergency stream runs beside it at a fixed rate with its own latency histogram, over a
 * transport of its own when the node has an emergency intake.
 *
 * <p>Figures count only answers that arrive inside the measured window.
 */
public final class LoadPhase {

    /**
     * @param ratePerSecond routine offered rate; 0 for a closed loop
     * @param emergencyRatePerSecond emergency offered rate; 0 for none
     */
    public record Settings(String name, int senders, double ratePerSecond, double emergencyRatePerSecond,
            Duration warmup, Duration measure) {
    }

    private final Settings settings;
    private final Transport transport;
    private final Transport emergencyTransport;
    private final Supplier<OptionalLong> processingBacklog;
    private final SignedPool routine;
    private final SignedPool emergency;
    private final PrintStream progress;

    private final Stream routineStream = new Stream();
    private final Stream emergencyStream = new Stream();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<byte[]> sampleReceipts = new CopyOnWriteArrayList<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile long spentAt = Long.MAX_VALUE;

    public LoadPhase(Settings settings, Transport transport, SignedPool routine, SignedPool emergency, PrintStream progress) {
        this(settings, transport, routine, emergency, null, null, progress);
    }

    /**
     * @param emergencyTransport where the emergency stream goes (the node's emergency intake); null:
     *                           the routine transport
     * @param processingBacklog the node's accepted-but-unprocessed messages, sampled at the end of
     *                          the window and in the progress line; null when it cannot be observed
     */
    public LoadPhase(Settings settings, Transport transport, SignedPool routine, SignedPool emergency,
            Transport emergencyTransport, Supplier<OptionalLong> processingBacklog, PrintStream progress) {
        this.settings = Objects.requireNonNull(settings);
        this.transport = Objects.requireNonNull(transport);
        this.emergencyTransport = emergencyTransport == null ? transport : emergencyTransport;
        this.processingBacklog = processingBacklog == null ? OptionalLong::empty : processingBacklog;
        this.routine = Objects.requireNonNull(routine);
        this.emergency = emergency;
        this.progress = progress;
    }

    /** Counters and latencies of one stream (routine or emergency). */
    private static final class Stream {
        final Recorder latencyMicros = new Recorder(3);
        final LongAdder accepted = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder total = new LongAdder();
        volatile String firstError;
    }

    /** Runs the phase; returns its figures. */
    public Map<String, Object> run() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        if (settings.ratePerSecond() <= 0) {
            for (int i = 0; i < settings.senders(); i++) {
                threads.add(thread("bench-sender-" + i, () -> closedLoop(transport, routine, routineStream)));
            }
        } else {
            AtomicLong slots = new AtomicLong();
            int k = Math.max(settings.senders(), (int) Math.ceil(settings.ratePerSecond() / 20));
            for (int i = 0; i < k; i++) {
                threads.add(thread("bench-sender-" + i,
                        () -> openLoop(transport, routine, routineStream, settings.ratePerSecond(), slots, t0)));
            }
        }
        if (emergency != null && settings.emergencyRatePerSecond() > 0) {
            AtomicLong slots = new AtomicLong();
            for (int i = 0; i < 2; i++) {
                threads.add(thread("bench-emergency-" + i,
                        () -> openLoop(emergencyTransport, emergency, emergencyStream, settings.emergencyRatePerSecond(),
                                slots, t0)));
            }
        }
        threads.forEach(Thread::start);
        Thread.sleep(settings.warmup().toMillis());

        routineStream.latencyMicros.reset();
        emergencyStream.latencyMicros.reset();
        long acceptedBefore = routineStream.accepted.sum();
        long emergencyBefore = emergencyStream.accepted.sum();
        long refusedBefore = routineStream.refused.sum() + emergencyStream.refused.sum();
        long errorsBefore = routineStream.errors.sum() + emergencyStream.errors.sum();
        OptionalLong backlogAtStart = processingBacklog.get();
        ProcessStats.resetPeaks();
        SenderCpu senderCpu = new SenderCpu();
        long cpu0 = ProcessStats.cpuNanos();
        windowStart = System.nanoTime();
        windowEnd = windowStart + settings.measure().toNanos();
        long lastPrint = windowStart;
        long liveHeap = 0;
        long usedHeap = ProcessStats.usedHeapBytes();
        while (System.nanoTime() < windowEnd && spentAt == Long.MAX_VALUE) {
            Thread.sleep(100);
            liveHeap = Math.max(liveHeap, ProcessStats.heapAfterGcBytes());
            usedHeap = Math.max(usedHeap, ProcessStats.usedHeapBytes());
            long now = System.nanoTime();
            if (progress != null && now - lastPrint >= 2_000_000_000L) {
                lastPrint = now;
                double s = (now - windowStart) / 1e9;
                long acc = routineStream.accepted.sum() - acceptedBefore;
                OptionalLong backlog = processingBacklog.get();
                progress.printf("  [%s] %4.0f s  accepted %d (%.0f/s)  emergency %d  refused %d  errors %d%s%n",
                        settings.name(), s, acc, acc / s, emergencyStream.accepted.sum() - emergencyBefore,
                        routineStream.refused.sum() + emergencyStream.refused.sum() - refusedBefore,
                        routineStream.errors.sum() + emergencyStream.errors.sum() - errorsBefore,
                        backlog.isPresent() ? "  processing backlog " + backlog.getAsLong() : "");
            }
        }
        long end = Math.min(System.nanoTime(), spentAt);
        windowEnd = end;
        OptionalLong backlogAtEnd = processingBacklog.get();
        long cpu = ProcessStats.cpuNanos() - cpu0;
        long sender = senderCpu.elapsedNanos();
        long peakHeap = ProcessStats.peakHeapBytes();
        Histogram routineLatency = routineStream.latencyMicros.getIntervalHistogram();
        Histogram emergencyLatency = emergencyStream.latencyMicros.getIntervalHistogram();
        long accepted = routineStream.accepted.sum() - acceptedBefore;
        long emergencyAccepted = emergencyStream.accepted.sum() - emergencyBefore;
        stop.set(true);
        for (Thread t : threads) {
            t.join(70_000);
        }
        double seconds = Math.max(1e-3, (end - windowStart) / 1e9); // a pool spent in the warm-up leaves ~0
        long all = accepted + emergencyAccepted;

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("phase", settings.name());
        r.put("transport", transport.name());
        r.put("senders", settings.senders());
        r.put("offeredPerSecond", settings.ratePerSecond() > 0 ? settings.ratePerSecond() : "saturation");
        r.put("requestBytes", routine.messageBytes());
        r.put("measuredSeconds", seconds);
        r.put("accepted", accepted);
        r.put("acceptedPerSecond", accepted / seconds);
        r.put("refused", routineStream.refused.sum() + emergencyStream.refused.sum() - refusedBefore);
        r.put("errors", routineStream.errors.sum() + emergencyStream.errors.sum() - errorsBefore);
        if (routineStream.firstError != null || emergencyStream.firstError != null) {
            r.put("firstError", routineStream.firstError != null ? routineStream.firstError : emergencyStream.firstError);
        }
        r.put("refusalStatuses", statuses());
        r.put("poolSpent", spentAt != Long.MAX_VALUE);
        r.put("latencyMillis", latency(routineLatency));
        // accepted but not yet processed when the window closed: did processing keep up with intake?
        r.put("processingBacklogAtStart", backlogAtStart.isPresent() ? (Object) backlogAtStart.getAsLong() : null);
        r.put("processingBacklogAtEnd", backlogAtEnd.isPresent() ? (Object) backlogAtEnd.getAsLong() : null);
        // what the node processed in the window: accepted, less what the backlog grew by (the rate it sustains)
        r.put("processedPerSecond", backlogAtStart.isPresent() && backlogAtEnd.isPresent()
                ? (Object) (Math.max(0, all - (backlogAtEnd.getAsLong() - backlogAtStart.getAsLong())) / seconds) : null);
        if (emergency != null && settings.emergencyRatePerSecond() > 0) {
            r.put("emergencyOfferedPerSecond", settings.emergencyRatePerSecond());
            r.put("emergencyAccepted", emergencyAccepted);
            r.put("emergencyLatencyMillis", latency(emergencyLatency));
        }
        r.put("cpuMillisPerMessage", all == 0 ? 0.0 : cpu / 1e6 / all);
        r.put("senderCpuMillisPerMessage", all == 0 ? 0.0 : sender / 1e6 / all);
        r.put("nodeCpuMillisPerMessage", all == 0 ? 0.0 : Math.max(0, cpu - sender) / 1e6 / all);
        r.put("cpuCoresBusy", cpu / 1e9 / seconds);
        r.put("peakHeapBytes", peakHeap);
        r.put("peakHeapUsedBytes", usedHeap);
        r.put("peakHeapAfterGcBytes", liveHeap);
        r.put("peakRssBytes", ProcessStats.peakRssBytes().orElse(-1));
        r.put("receiptsReceived", sampleReceipts.size());
        return r;
    }

    /** Receipts kept for checking after the phase (at most 8). */
    public List<byte[]> sampleReceipts() {
        return sampleReceipts;
    }

    private Map<String, Object> statuses() {
        Map<String, Object> m = new LinkedHashMap<>();
        routineStream.statuses.forEach((k, v) -> m.put(String.valueOf(k), v.sum()));
        emergencyStream.statuses.forEach((k, v) -> m.merge(String.valueOf(k), v.sum(), (a, b) -> (Long) a + (Long) b));
        return m;
    }

    private static Map<String, Object> latency(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("p50", h.getValueAtPercentile(50) / 1000.0);
        m.put("p95", h.getValueAtPercentile(95) / 1000.0);
        m.put("p99", h.getValueAtPercentile(99) / 1000.0);
        m.put("max", h.getMaxValue() / 1000.0);
        m.put("mean", h.getMean() / 1000.0);
        return m;
    }

    private void closedLoop(Transport via, SignedPool pool, Stream stream) {
        while (!stop.get()) {
            byte[] message = pool.next();
            if (message == null) {
                spent();
                return;
            }
            long begin = System.nanoTime();
            submit(via, message, stream, begin);
        }
    }

    private void openLoop(Transport via, SignedPool pool, Stream stream, double rate, AtomicLong slots, long t0) {
        long interval = (long) (1e9 / rate);
        while (!stop.get()) {
            long scheduled = t0 + slots.getAndIncrement() * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0 && !stop.get()) {
                LockSupport.parkNanos(Math.min(wait, 50_000_000L));
            }
            if (stop.get()) {
                return;
            }
            byte[] message = pool.next();
            if (message == null) {
                spent();
                return;
            }
            submit(via, message, stream, scheduled);
        }
    }

    private void submit(Transport via, byte[] message, Stream stream, long begin) {
        Transport.Outcome outcome;
        try {
            outcome = via.submit(message);
        } catch (Exception e) {
            long done = System.nanoTime();
            if (done >= windowStart && done <= windowEnd) {
                stream.errors.increment();
            }
            if (stream.firstError == null) {
                stream.firstError = e.toString();
            }
            return;
        }
        long done = System.nanoTime();
        stream.total.increment();
        if (outcome.accepted() && sampleReceipts.size() < 8) {
            sampleReceipts.add(outcome.receipt());
        }
        if (done < windowStart || done > windowEnd) {
            return;
        }
        if (outcome.accepted()) {
            stream.accepted.increment();
            stream.latencyMicros.recordValue(Math.max(1, (done - begin) / 1000));
        } else {
            stream.refused.increment();
            stream.statuses.computeIfAbsent(outcome.status(), k -> new LongAdder()).increment();
        }
    }

    private void spent() {
        long now = System.nanoTime();
        if (now < windowEnd && spentAt == Long.MAX_VALUE) {
            spentAt = now;
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
