package org.lexgate.soap;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.lexgate.message.MessageRejectedException;

/**
 * Two neighbours on loopback: a "receiver" node with a {@link HopEndpoint} on a free port and an
 * H2-file replay store, and a "sender" node with keys from the same test CA. The receiver pins the
 * sender's certificate as neighbour "XX-SENDER"; the sender pins the receiver's as "XX-RECEIVER".
 * The receiver's handler records each delivery and answers with a fixed receipt.
 */
final class HopFixture implements AutoCloseable {

    static final byte[] RECEIPT = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<HI1Message xmlns=\"http://uri.etsi.org/03120/common/2019/10/Core\"><!-- receipt --></HI1Message>\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    final Path dir;
    final TestHopPki pki;
    final HopKeys receiverKeys;
    final HopKeys senderKeys;
    final URI address;
    final List<HopDelivery> deliveries = new CopyOnWriteArrayList<>();
    /** When set, the handler throws it instead of answering (a refusal or a crash). */
    volatile Exception failWith;
    private JdbcReplayCache replayCache;
    private HopEndpoint endpoint;

    HopFixture(Path dir) throws Exception {
        this.dir = dir;
        this.pki = TestHopPki.create(dir, "test-ca");
        this.receiverKeys = pki.party("receiver");
        this.senderKeys = pki.party("sender");
        this.address = URI.create("http://127.0.0.1:" + freePort() + "/lexgate/hop");
    }

    HopSecurity receiverSecurity() {
        return HopSecurity.of(receiverKeys);
    }

    /** Starts (or restarts, on a new CXF bus) the receiver, reopening its replay store from disk. */
    HopFixture start() {
        replayCache = JdbcReplayCache.h2File(dir.resolve("hop-replay"), receiverSecurity().replayWindow());
        endpoint = HopEndpoint.builder()
                .address(address)
                .security(receiverSecurity())
                .replayCache(replayCache)
                .neighbours(NeighbourPolicy.pinned(Map.of("XX-SENDER", senderKeys.certificate())))
                .handler(delivery -> {
                    Exception failure = failWith;
                    if (failure instanceof MessageRejectedException refusal) {
                        throw refusal;
                    }
                    if (failure != null) {
                        throw (RuntimeException) failure;
                    }
                    deliveries.add(delivery);
                    return RECEIPT;
                })
                .start();
        return this;
    }

    /** Stops the receiver and closes its replay store, as a node shutting down would. */
    void stop() {
        endpoint.close();
        replayCache.close();
        endpoint = null;
    }

    HopClient client(HopKeys keys) {
        return HopClient.builder()
                .address(address)
                .security(HopSecurity.of(keys))
                .neighbours(NeighbourPolicy.pinned(Map.of("XX-RECEIVER", receiverKeys.certificate())))
                .build();
    }

    HopClient senderClient() {
        return client(senderKeys);
    }

    X509Certificate senderCertificate() {
        return senderKeys.certificate();
    }

    @Override
    public void close() {
        if (endpoint != null) {
            stop();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
