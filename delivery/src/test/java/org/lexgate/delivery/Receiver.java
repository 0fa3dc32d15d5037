package org.lexgate.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.soap.HopEndpoint;
import org.lexgate.soap.HopKeys;
import org.lexgate.soap.HopSecurity;
import org.lexgate.soap.JdbcReplayCache;
import org.lexgate.soap.NeighbourPolicy;

/**
 * A real receiving node on loopback: a {@link HopEndpoint} (signed SOAP hop, replay store on disk)
 * whose handler records each message's id in order of arrival and answers with a receipt naming
 * it. Like a real node it answers a message it already has with its original receipt (duplicate
 * check), and counts how often each id arrived. Tests can make it refuse ids, or hold routine
 * messages at its door until a gate opens.
 */
final class Receiver implements AutoCloseable {

    static final String PARTY = "XX-RECEIVER";
    private static final Pattern ID = Pattern.compile("<TransactionIdentifier>([^<]+)</TransactionIdentifier>");

    /** Holds a message at the receiver's door (the receiver is slow). */
    @FunctionalInterface
    interface Gate {
        void pass(String id) throws InterruptedException;
    }

    final List<String> arrivals = new CopyOnWriteArrayList<>();
    final Map<String, Integer> counts = new ConcurrentHashMap<>();
    final Set<String> refuse = ConcurrentHashMap.newKeySet();
    volatile Gate gate = id -> { };

    private final Path dir;
    private final HopKeys keys;
    private final HopKeys senderKeys;
    final URI address;
    private JdbcReplayCache replayCache;
    private HopEndpoint endpoint;

    Receiver(Path dir, HopKeys keys, HopKeys senderKeys, int port) {
        this.dir = dir;
        this.keys = keys;
        this.senderKeys = senderKeys;
        this.address = URI.create("http://127.0.0.1:" + port + "/lexgate/hop");
    }

    static byte[] message(String id) {
        return ("<HI1Message xmlns=\"http://uri.etsi.org/03120/common/2019/10/Core\"><Header>"
                + "<TransactionIdentifier>" + id + "</TransactionIdentifier></Header></HI1Message>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] receipt(String id) {
        return ("<HI1Message xmlns=\"http://uri.etsi.org/03120/common/2019/10/Core\"><!-- receipt for " + id
                + " --></HI1Message>").getBytes(StandardCharsets.UTF_8);
    }

    Receiver start() {
        HopSecurity security = HopSecurity.of(keys);
        replayCache = JdbcReplayCache.h2File(dir.resolve("receiver-replay"), security.replayWindow());
        endpoint = HopEndpoint.builder()
                .address(address)
                .security(security)
                .replayCache(replayCache)
                .neighbours(NeighbourPolicy.pinned(Map.of(SenderNode.PARTY, senderKeys.certificate())))
                .handler(delivery -> {
                    String text = new String(delivery.message(), StandardCharsets.UTF_8);
                    Matcher m = ID.matcher(text);
                    if (!m.find()) {
                        throw new MessageRejectedException(ErrorCode.MISSING_INFORMATION, "no id");
                    }
                    String id = m.group(1);
                    if (refuse.contains(id)) {
                        throw new MessageRejectedException(ErrorCode.NOT_AUTHORISED, "refused by test: " + id);
                    }
                    try {
                        gate.pass(id);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    if (counts.merge(id, 1, Integer::sum) == 1) {
                        arrivals.add(id);
                    }
                    return receipt(id);
                })
                .start();
        return this;
    }

    boolean running() {
        return endpoint != null;
    }

    void stop() {
        endpoint.close();
        replayCache.close();
        endpoint = null;
    }

    @Override
    public void close() {
        if (endpoint != null) {
            stop();
        }
    }
}
