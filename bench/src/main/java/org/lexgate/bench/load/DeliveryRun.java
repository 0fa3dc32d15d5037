package org.lexgate.bench.load;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.bench.fixture.BenchMessages;
import org.lexgate.bench.report.ProcessStats;
import org.lexgate.gateway.node.Node;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.signature.DocumentSigner;

/**
 * A large delivery (the provider's answer, DELIVER with base64 binary data, signed by XA-PROVIDER)
 * received by a real agency node (XA-AGENCY) over ETSI POST, one at a time on a quiet node. For each:
 * the heap is settled (full GC requested) and its peaks reset, the message is streamed from off-heap
 * memory in direct buffers without a length (chunked, so the sender's copy and its transfer buffers
 * are not counted, and the node cannot size its read up front), and the growth of the heap's peak over
 * the settled baseline is reported against the message's size, beside the bytes allocated meanwhile
 * (all threads, the sender's included), which does not depend on when the collector ran.
 */
public final class DeliveryRun {

    private DeliveryRun() {
    }

    /**
     * Runs the deliveries against {@code network}'s agency node; its record in {@code database} (a JDBC
     * URL, in a schema of its own named after this run) or, when null, in its embedded H2 file store.
     */
    public static Map<String, Object> run(BenchFixture fixture, BenchNetwork network, int messageBytes, int count,
            String database, PrintStream out) throws Exception {
        DocumentSigner provider = new DocumentSigner(fixture.identity(TestParty.XA_PROVIDER).credential());
        Map<String, Object> r = new LinkedHashMap<>();
        // The deliveries answer no request this agency sent, so its role processing refuses them after
        // the receipt (which is what is measured): one processing attempt, no retries to wait for.
        String schema = "lexgate_bench_delivery_" + System.currentTimeMillis();
        try (Node agency = network.start(TestParty.XA_AGENCY,
                "  <retry processingAttempts=\"1\" initialDelayMillis=\"100\" maxDelayMillis=\"100\"/>\n"
                + (database == null ? "" : "  <database url=\"" + database.replace("&", "&amp;").replace("\"", "&quot;")
                        + "\" schema=\"" + schema + "\"/>\n"))) {
            URI address = agency.etsiHttpAddress().orElseThrow();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Map<String, Object>> runs = new ArrayList<>();
            long maxGrowth = 0;
            long maxLiveGrowth = 0;
            long maxAllocated = -1;
            int accepted = 0;
            int signedBytes = 0;
            for (int i = 0; i < count; i++) {
                ByteBuffer signed = offHeap(provider.sign(BenchMessages.delivery(BenchFixture.PROVIDER, BenchFixture.AGENCY,
                        UUID.randomUUID(), messageBytes)));
                signedBytes = signed.capacity();
                out.printf("delivery %d/%d: %d bytes to %s%n", i + 1, count, signedBytes, address);
                HttpRequest request = HttpRequest.newBuilder(address).timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/xml; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(new OffHeapBody(signed, 64 * 1024)))
                        .build();
                long baseline = ProcessStats.settledHeapBytes();
                ProcessStats.resetPeaks();
                Map<Long, Long> allocatedBefore = ProcessStats.allocatedBytes();
                long t0 = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long millis = (System.nanoTime() - t0) / 1_000_000;
                long peak = ProcessStats.peakHeapBytes();
                long live = ProcessStats.heapAfterGcBytes();
                long allocated = ProcessStats.allocatedSince(allocatedBefore);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("status", response.statusCode());
                one.put("millisToReceipt", millis);
                one.put("settledHeapBeforeBytes", baseline);
                one.put("peakHeapBytes", peak);
                one.put("heapGrowthBytes", peak - baseline);
                one.put("heapAfterGcGrowthBytes", live - baseline);
                one.put("allocatedBytesToReceipt", allocated < 0 ? null : allocated);
                runs.add(one);
                if (response.statusCode() == 200) {
                    accepted++;
                }
                maxGrowth = Math.max(maxGrowth, peak - baseline);
                maxLiveGrowth = Math.max(maxLiveGrowth, live - baseline);
                maxAllocated = allocated < 0 ? -1 : Math.max(maxAllocated, allocated);
            }
            r.put("node", "XA-AGENCY node in this JVM, ETSI POST " + address + ", "
                    + (database == null ? "H2 file store" : "store " + database.replaceAll("password=[^&;]*", "password=***")
                            + " schema " + schema));
            r.put("messageBytes", signedBytes);
            r.put("deliveries", count);
            r.put("accepted", accepted);
            r.put("runs", runs);
            r.put("maxHeapGrowthBytes", maxGrowth);
            r.put("heapGrowthPerMessageByte", signedBytes == 0 ? null : (double) maxGrowth / signedBytes);
            r.put("heapAfterGcGrowthPerMessageByte", signedBytes == 0 ? null : (double) Math.max(0, maxLiveGrowth) / signedBytes);
            r.put("maxAllocatedBytesToReceipt", maxAllocated < 0 ? null : maxAllocated);
            r.put("peakRssBytes", ProcessStats.peakRssBytes().orElse(-1));
        }
        return r;
    }

    private static ByteBuffer offHeap(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        return direct;
    }

    /**
     * The message as a stream of read-only slices of its off-heap buffer, as many as are asked for:
     * no heap copy on the sender's side, and no length, so the request is sent chunked.
     */
    private static final class OffHeapBody implements Flow.Publisher<ByteBuffer> {
        private final ByteBuffer message;
        private final int piece;

        OffHeapBody(ByteBuffer message, int piece) {
            this.message = message;
            this.piece = piece;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            ByteBuffer rest = message.asReadOnlyBuffer();
            subscriber.onSubscribe(new Flow.Subscription() {
                private long demand;
                private boolean emitting;
                private boolean over;

                @Override
                public void request(long n) {
                    synchronized (this) {
                        demand = n <= 0 || demand + n < 0 ? Long.MAX_VALUE : demand + n;
                        if (emitting) {
                            return; // the loop below, further up this stack, emits what was asked for
                        }
                        emitting = true;
                    }
                    while (true) {
                        ByteBuffer next;
                        boolean complete;
                        synchronized (this) {
                            if (over || (demand == 0 && rest.hasRemaining())) {
                                emitting = false;
                                return;
                            }
                            complete = !rest.hasRemaining();
                            over = complete;
                            next = complete ? null : rest.slice().limit(Math.min(piece, rest.remaining()));
                            rest.position(rest.position() + (complete ? 0 : next.remaining()));
                            demand--;
                        }
                        if (complete) {
                            subscriber.onComplete();
                            return;
                        }
                        subscriber.onNext(next);
                    }
                }

                @Override
                public synchronized void cancel() {
                    over = true;
                }
            });
        }
    }
}
