package org.lexgate.bench.floor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.bench.fixture.BenchMessages;
import org.lexgate.bench.fixture.HopEnvelopes;
import org.lexgate.bench.report.ProcessStats;
import org.lexgate.trust.pki.TestParty;

/**
 * Times {@link FloorWork} in a tight loop with N threads in this JVM: a warm-up, then a fixed
 * measured time. The inputs (a pool of distinct signed requests, wrapped in signed envelopes for
 * SOAP) are made before the clock starts and reused round-robin.
 */
public final class FloorRun {

    /** What to run. */
    public record Settings(int threads, Duration warmup, Duration measure, int messageBytes,
            BenchFixture.Algorithm algorithm, boolean soap, int poolSize) {
    }

    private FloorRun() {
    }

    /** Runs the floor and returns its figures (see docs/benchmarks.md for each). */
    public static Map<String, Object> run(BenchFixture fixture, Settings s) throws Exception {
        HopEnvelopes senderHop = new HopEnvelopes(fixture.pki(), fixture.identity(TestParty.XA_AGENCY));
        HopEnvelopes nodeHop = new HopEnvelopes(fixture.pki(), fixture.identity(TestParty.XA_PROVIDER));
        FloorWork work = new FloorWork(fixture, nodeHop, s.soap());
        List<byte[]> inputs = new ArrayList<>();
        int actualBytes = 0;
        for (int i = 0; i < s.poolSize(); i++) {
            byte[] signed = fixture.requestSigner(s.algorithm()).sign(
                    BenchMessages.request(BenchFixture.AGENCY, BenchFixture.PROVIDER, UUID.randomUUID(), s.messageBytes()));
            actualBytes = signed.length;
            inputs.add(s.soap() ? senderHop.sign(signed) : signed);
        }

        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LongAdder messages = new LongAdder();
        long[][] steps = new long[s.threads()][FloorWork.Step.values().length];
        long[] threadCpu = new long[s.threads()];
        CountDownLatch done = new CountDownLatch(s.threads());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < s.threads(); t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                long[] scratch = new long[FloorWork.Step.values().length];
                long[] ignored = new long[scratch.length];
                int next = id;
                long cpuAtStart = -1;
                try {
                    while (!stop.get()) {
                        boolean counted = measuring.get();
                        if (counted && cpuAtStart < 0) {
                            cpuAtStart = mx.getCurrentThreadCpuTime();
                            java.util.Arrays.fill(scratch, 0);
                        }
                        work.process(inputs.get(next++ % inputs.size()), counted ? scratch : ignored);
                        if (counted && measuring.get()) {
                            messages.increment();
                        }
                    }
                    threadCpu[id] = cpuAtStart < 0 ? 0 : mx.getCurrentThreadCpuTime() - cpuAtStart;
                    System.arraycopy(scratch, 0, steps[id], 0, scratch.length);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "floor-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Thread.sleep(s.warmup().toMillis());
        long cpu0 = ProcessStats.cpuNanos();
        long wall0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep(s.measure().toMillis());
        measuring.set(false);
        long wall = System.nanoTime() - wall0;
        long cpu = ProcessStats.cpuNanos() - cpu0;
        stop.set(true);
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("the floor failed: " + failure.get(), failure.get());
        }
        long n = messages.sum();
        long workerCpu = 0;
        for (long c : threadCpu) {
            workerCpu += c;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("transport", s.soap() ? "soap-hop" : "document-only");
        r.put("algorithm", s.algorithm().description());
        r.put("requestBytes", s.messageBytes());
        r.put("signedRequestBytes", actualBytes);
        if (s.soap()) {
            r.put("envelopeBytes", inputs.get(0).length);
        }
        r.put("threads", s.threads());
        r.put("measuredSeconds", wall / 1e9);
        r.put("messages", n);
        r.put("messagesPerSecond", n / (wall / 1e9));
        r.put("cpuMillisPerMessage", n == 0 ? 0.0 : cpu / 1e6 / n);
        r.put("workerCpuMillisPerMessage", n == 0 ? 0.0 : workerCpu / 1e6 / n);
        Map<String, Object> stepMillis = new LinkedHashMap<>();
        for (FloorWork.Step step : FloorWork.Step.values()) {
            if (!s.soap() && (step == FloorWork.Step.HOP_VERIFY || step == FloorWork.Step.HOP_SIGN)) {
                continue;
            }
            long sum = 0;
            for (long[] perThread : steps) {
                sum += perThread[step.ordinal()];
            }
            stepMillis.put(step.name().toLowerCase(java.util.Locale.ROOT), n == 0 ? 0.0 : sum / 1e6 / n);
        }
        r.put("stepWallMillisPerMessage", stepMillis);
        return r;
    }
}
