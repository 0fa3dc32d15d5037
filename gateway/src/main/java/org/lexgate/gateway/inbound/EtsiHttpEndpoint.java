package org.lexgate.gateway.inbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ETSI's own binding (TS 103 120 clause 8): an HTTP POST whose body is a bare signed
 * {@code HI1Message}. The message runs through the {@link AcceptRoute}; the answer's body is the
 * signed ETSI response: the receipt with 200, or the signed ErrorInformation with 400 (refused for
 * good) or 503 (a fault of this node: send again later). At most {@code maxBytes} + 1 bytes are read
 * (the parser refuses anything larger with 3022). Only POST on the configured path is served.
 */
public final class EtsiHttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EtsiHttpEndpoint.class);
    private static final String XML = "application/xml; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService workers;
    private final Gatekeeper gatekeeper;
    private final URI address;

    private EtsiHttpEndpoint(HttpServer server, ExecutorService workers, Gatekeeper gatekeeper, URI address) {
        this.server = server;
        this.workers = workers;
        this.gatekeeper = gatekeeper;
        this.address = address;
    }

    /** Counts requests in progress; once closing, new requests are answered 503 without being read. */
    private static final class Gatekeeper {
        private final AtomicInteger active = new AtomicInteger();
        private volatile boolean closing;

        boolean enter() {
            active.incrementAndGet();
            if (closing) {
                active.decrementAndGet();
                return false;
            }
            return true;
        }

        void leave() {
            active.decrementAndGet();
        }
    }

    /** Starts the endpoint on {@code address} (port 0 picks a free port; see {@link #address()}). */
    public static EtsiHttpEndpoint start(URI address, InboundGate gate, long maxBytes, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address.getHost(), address.getPort()), 64);
        String path = address.getPath() == null || address.getPath().isEmpty() ? "/" : address.getPath();
        Gatekeeper gatekeeper = new Gatekeeper();
        server.createContext(path, exchange -> {
            if (!gatekeeper.enter()) {
                try (exchange) {
                    send(exchange, 503, new byte[0]);
                }
                return;
            }
            try {
                handle(exchange, path, gate, maxBytes);
            } finally {
                gatekeeper.leave();
            }
        });
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lexgate-etsi-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.start();
        URI bound = URI.create("http://" + address.getHost() + ":" + server.getAddress().getPort() + path);
        LOG.info("ETSI HTTP endpoint started: {}", bound);
        return new EtsiHttpEndpoint(server, workers, gatekeeper, bound);
    }

    /** The address it listens on, with the port actually bound. */
    public URI address() {
        return address;
    }

    /** Stops accepting, lets requests in progress finish (up to 30 s), frees the port. */
    @Override
    public void close() {
        gatekeeper.closing = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (gatekeeper.active.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20); // bounded shutdown wait for in-flight requests, not a test wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("ETSI HTTP endpoint stopped: {}", address);
    }

    private static void handle(HttpExchange exchange, String path, InboundGate gate, long maxBytes) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                send(exchange, 404, new byte[0]);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, new byte[0]);
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), maxBytes + 1);
            InboundResult result = gate.accept(Channel.ETSI_HTTP, body, null);
            if (result instanceof InboundResult.Accepted accepted) {
                send(exchange, 200, accepted.receipt());
            } else {
                InboundResult.Refused refused = (InboundResult.Refused) result;
                int status = refused.retryable() ? 503 : 400;
                send(exchange, refused.signedError().isPresent() ? status : 503, refused.signedError().orElse(new byte[0]));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("ETSI HTTP request from {} failed: {}", exchange.getRemoteAddress(), e.toString());
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", XML);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
