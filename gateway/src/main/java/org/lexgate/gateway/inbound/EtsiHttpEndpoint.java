package org.lexgate.gateway.inbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lexgate.store.SignedBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ETSI's own binding (TS 103 120 clause 8): an HTTP POST whose body is a bare signed
 * {@code HI1Message}. The message runs through the {@link AcceptRoute}; the answer's body is the
 * signed ETSI response: the receipt with 200, or the signed ErrorInformation with 400 (refused for
 * good) or 503 (a fault of this node: send again later). At most {@code maxBytes} + 1 bytes are read
 * (the parser refuses anything larger with 3022). Only POST on the configured path is served.
 *
 * <p>A node runs two of them (§30 of the CoE guidelines: prioritisation and an emergency channel):
 * the routine endpoint ({@link #start}) and the <em>emergency intake</em> ({@link #startEmergencyIntake}),
 * each its own HTTP server with its own small worker pool, so an emergency request never waits in
 * the routine endpoint's queue of requests. Both run the same accept route with the same checks. A
 * message that reaches the emergency intake but is not an emergency (IsEmergency, priority High, or
 * a lexgate emergency request, as the route decides after verifying the signature) is accepted and
 * handled as routine, and a warning names its sender, so that misuse of the intake is visible.
 */
public final class EtsiHttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EtsiHttpEndpoint.class);
    private static final String XML = "application/xml; charset=utf-8";
    /** The first piece of a body read without a usable length; each next one is twice as large, up to {@link #MAX_PIECE}. */
    static final int FIRST_PIECE = 8 * 1024;
    /**
     * The largest piece: just under 1 MiB, so that it fits one region of the G1 collector's smallest
     * size (1 MiB), where an array larger than half a region takes whole regions of its own (one of
     * exactly 1 MiB would take two).
     */
    static final int MAX_PIECE = (1 << 20) - 64;

    /**
     * One listener: where it listens (port 0 picks a free port), how many requests it serves at
     * once (the rest wait, in arrival order, for a worker) and how many connections the operating
     * system queues before the server accepts them.
     */
    public record Listener(URI address, int workers, int backlog) {
        public Listener {
            if (workers < 1 || backlog < 1) {
                throw new IllegalArgumentException("workers and backlog must be at least 1: " + workers + ", " + backlog);
            }
        }
    }

    /** Runs one body through the accept route. */
    @FunctionalInterface
    private interface Intake {
        InboundResult accept(SignedBytes body);
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Gatekeeper gatekeeper;
    private final URI address;
    private final String name;

    private EtsiHttpEndpoint(HttpServer server, ExecutorService workers, Gatekeeper gatekeeper, URI address, String name) {
        this.server = server;
        this.workers = workers;
        this.gatekeeper = gatekeeper;
        this.address = address;
        this.name = name;
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

    /**
     * Starts the routine endpoint (port 0 picks a free port; see {@link #address()}); each request
     * waits (bounded) on {@code emergencyFirst} while the emergency intake is accepting a request,
     * before its route starts.
     */
    public static EtsiHttpEndpoint start(Listener listener, InboundGate gate, long maxBytes, EmergencyFirst emergencyFirst)
            throws IOException {
        Objects.requireNonNull(emergencyFirst, "emergencyFirst");
        return start("ETSI HTTP endpoint", "lexgate-etsi-http", listener, maxBytes, body -> {
            emergencyFirst.yieldToEmergencies();
            return gate.accept(Channel.ETSI_HTTP, body, null);
        }, Thread.NORM_PRIORITY);
    }

    /**
     * Starts the emergency intake: the same accept route ({@link InboundGate#acceptOnEmergencyIntake});
     * while it accepts a request, routine work that waits on {@code emergencyFirst} (the routine
     * endpoint, routine processing) holds back.
     */
    public static EtsiHttpEndpoint startEmergencyIntake(Listener listener, InboundGate gate, long maxBytes,
            EmergencyFirst emergencyFirst) throws IOException {
        Objects.requireNonNull(emergencyFirst, "emergencyFirst");
        return start("ETSI HTTP emergency intake", "lexgate-etsi-emergency", listener, maxBytes, body -> {
            emergencyFirst.started();
            try {
                return gate.acceptOnEmergencyIntake(Channel.ETSI_HTTP, body);
            } finally {
                emergencyFirst.finished();
            }
        }, Thread.MAX_PRIORITY);
    }

    private static EtsiHttpEndpoint start(String name, String threadName, Listener listener, long maxBytes, Intake intake,
            int priority) throws IOException {
        URI address = listener.address();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address.getHost(), address.getPort()), listener.backlog());
        } catch (BindException e) {
            throw new BindException(name + " cannot listen on " + address + ": " + e.getMessage());
        }
        String path = address.getPath() == null || address.getPath().isEmpty() ? "/" : address.getPath();
        Gatekeeper gatekeeper = new Gatekeeper();
        AtomicLong upfront = new AtomicLong(maxBytes);
        server.createContext(path, exchange -> {
            if (!gatekeeper.enter()) {
                try (exchange) {
                    send(exchange, 503, new byte[0]);
                }
                return;
            }
            try {
                handle(exchange, path, intake, maxBytes, upfront);
            } finally {
                gatekeeper.leave();
            }
        });
        ExecutorService workers = Executors.newFixedThreadPool(listener.workers(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setPriority(priority); // a hint only: most Linux JVMs ignore thread priorities
            return t;
        });
        server.setExecutor(workers);
        server.start();
        URI bound = URI.create("http://" + address.getHost() + ":" + server.getAddress().getPort() + path);
        LOG.info("{} started: {} ({} workers, backlog {})", name, bound, listener.workers(), listener.backlog());
        return new EtsiHttpEndpoint(server, workers, gatekeeper, bound, name);
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
        LOG.info("{} stopped: {}", name, address);
    }

    private static void handle(HttpExchange exchange, String path, Intake intake, long maxBytes, AtomicLong upfront)
            throws IOException {
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
            SignedBytes body = readBody(exchange.getRequestBody(), exchange.getRequestHeaders().getFirst("Content-Length"),
                    maxBytes, upfront);
            InboundResult result = intake.accept(body);
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

    /**
     * The request body, at most {@code maxBytes} + 1 bytes. With a Content-Length within the limit
     * the body is read into one array of exactly that size (no doubling buffer, no final copy: a
     * 10 MB delivery costs 10 MB here, not up to 30) — while the endpoint's requests together have not
     * claimed more than {@code maxBytes} that way ({@code upfront}: what is still free of it, taken
     * for the read and given back once the bytes are in). Otherwise (chunked, a larger or an
     * unaffordable claim) it is read piece by piece up to the limit ({@link #readPieces}): memory
     * follows the bytes that actually arrive, so claimed sizes alone — a peer announcing 64 MiB on
     * every worker and sending nothing — never make the node allocate more than {@code maxBytes} per
     * endpoint. Such a body stays in its pieces (the route parses and stores it from them), unless it
     * fits one.
     */
    static SignedBytes readBody(InputStream in, String contentLengthHeader, long maxBytes, AtomicLong upfront)
            throws IOException {
        long limit = Math.min(maxBytes + 1, Integer.MAX_VALUE - 8L);
        long declared = contentLength(contentLengthHeader);
        if (declared >= 0 && declared <= maxBytes && take(upfront, declared)) {
            try {
                byte[] body = new byte[(int) declared];
                int n = in.readNBytes(body, 0, body.length);
                return SignedBytes.of(n == body.length ? body : Arrays.copyOf(body, n)); // the peer closed early: the parser refuses it
            } finally {
                upfront.addAndGet(declared);
            }
        }
        return readPieces(in, (int) limit);
    }

    /**
     * At most {@code limit} bytes in pieces of 8 KB, 16 KB, … 256 KB, then just under 1 MB each (no
     * piece of half a G1 region, which would take a whole one; the last piece cut to
     * what came): no piece is allocated before the bytes before it arrived, and what is allocated
     * beyond the bytes received is at most the last piece. A body of one piece is one exact array,
     * as a read into a growing buffer would give.
     */
    static SignedBytes readPieces(InputStream in, int limit) throws IOException {
        List<byte[]> pieces = new ArrayList<>();
        int total = 0;
        for (int size = FIRST_PIECE; total < limit; size = size * 2 >= MAX_PIECE / 2 ? MAX_PIECE : size * 2) {
            byte[] piece = new byte[Math.min(size, limit - total)];
            int n = in.readNBytes(piece, 0, piece.length);
            total += n;
            if (n < piece.length) {
                if (n > 0 || pieces.isEmpty()) {
                    pieces.add(Arrays.copyOf(piece, n));
                }
                break;
            }
            pieces.add(piece);
        }
        return SignedBytes.ofPieces(pieces);
    }

    private static boolean take(AtomicLong free, long bytes) {
        long now;
        do {
            now = free.get();
            if (now < bytes) {
                return false;
            }
        } while (!free.compareAndSet(now, now - bytes));
        return true;
    }

    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
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
