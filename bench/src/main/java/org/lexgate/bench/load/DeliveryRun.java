package org.lexgate.bench.load;

import java.io.InputStream;
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
 * memory (so the sender's copy is not counted), and the growth of the heap's peak over the settled
 * baseline is reported against the message's size.
 */
public final class DeliveryRun {

    private DeliveryRun() {
    }

    public static Map<String, Object> run(BenchFixture fixture, BenchNetwork network, int messageBytes, int count,
            PrintStream out) throws Exception {
        DocumentSigner provider = new DocumentSigner(fixture.identity(TestParty.XA_PROVIDER).credential());
        Map<String, Object> r = new LinkedHashMap<>();
        // The deliveries answer no request this agency sent, so its role processing refuses them after
        // the receipt (which is what is measured): one processing attempt, no retries to wait for.
        try (Node agency = network.start(TestParty.XA_AGENCY,
                "  <retry processingAttempts=\"1\" initialDelayMillis=\"100\" maxDelayMillis=\"100\"/>\n")) {
            URI address = agency.etsiHttpAddress().orElseThrow();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Map<String, Object>> runs = new ArrayList<>();
            long maxGrowth = 0;
            long maxLiveGrowth = 0;
            int accepted = 0;
            int signedBytes = 0;
            for (int i = 0; i < count; i++) {
                ByteBuffer signed = offHeap(provider.sign(BenchMessages.delivery(BenchFixture.PROVIDER, BenchFixture.AGENCY,
                        UUID.randomUUID(), messageBytes)));
                signedBytes = signed.capacity();
                out.printf("delivery %d/%d: %d bytes to %s%n", i + 1, count, signedBytes, address);
                long baseline = ProcessStats.settledHeapBytes();
                ProcessStats.resetPeaks();
                long t0 = System.nanoTime();
                HttpRequest request = HttpRequest.newBuilder(address).timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/xml; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> stream(signed.duplicate())))
                        .build();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long millis = (System.nanoTime() - t0) / 1_000_000;
                long peak = ProcessStats.peakHeapBytes();
                long live = ProcessStats.heapAfterGcBytes();
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("status", response.statusCode());
                one.put("millisToReceipt", millis);
                one.put("settledHeapBeforeBytes", baseline);
                one.put("peakHeapBytes", peak);
                one.put("heapGrowthBytes", peak - baseline);
                one.put("heapAfterGcGrowthBytes", live - baseline);
                runs.add(one);
                if (response.statusCode() == 200) {
                    accepted++;
                }
                maxGrowth = Math.max(maxGrowth, peak - baseline);
                maxLiveGrowth = Math.max(maxLiveGrowth, live - baseline);
            }
            r.put("node", "XA-AGENCY node in this JVM, ETSI POST " + address);
            r.put("messageBytes", signedBytes);
            r.put("deliveries", count);
            r.put("accepted", accepted);
            r.put("runs", runs);
            r.put("maxHeapGrowthBytes", maxGrowth);
            r.put("heapGrowthPerMessageByte", signedBytes == 0 ? null : (double) maxGrowth / signedBytes);
            r.put("heapAfterGcGrowthPerMessageByte", signedBytes == 0 ? null : (double) Math.max(0, maxLiveGrowth) / signedBytes);
            r.put("peakRssBytes", ProcessStats.peakRssBytes().orElse(-1));
        }
        return r;
    }

    private static ByteBuffer offHeap(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        return direct;
    }

    private static InputStream stream(ByteBuffer buffer) {
        return new InputStream() {
            @Override
            public int read() {
                return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (!buffer.hasRemaining()) {
                    return -1;
                }
                int n = Math.min(len, buffer.remaining());
                buffer.get(b, off, n);
                return n;
            }
        };
    }
}
