package org.lexgate.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * ETSI's binding (TS 103 120 clause 8): POST of the bare signed HI1Message; 200 carries the signed
 * receipt. One JDK HTTP/1.1 client with keep-alive, its threads named "bench-http" so their CPU can
 * be told apart from the node's.
 */
public final class EtsiPost implements Transport {

    private final URI address;
    private final ExecutorService executor;
    private final HttpClient client;

    public EtsiPost(URI address) {
        this.address = address;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    }

    @Override
    public Outcome submit(byte[] signed) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(address)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed))
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        boolean ok = response.statusCode() == 200 && response.body().length > 0;
        return new Outcome(ok, response.statusCode(), ok ? response.body() : null);
    }

    @Override
    public String name() {
        return "etsi-post";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
