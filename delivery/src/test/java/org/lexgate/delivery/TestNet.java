package org.lexgate.delivery;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.lexgate.soap.HopKeys;
import org.lexgate.soap.TestHopPki;

/** The test PKI of a sender and a receiver (one CA), made once per test class. NOT FOR PRODUCTION. */
final class TestNet {

    final HopKeys senderKeys;
    final HopKeys receiverKeys;

    static final String CA = "delivery-test-ca";

    TestNet(Path dir) throws Exception {
        TestHopPki pki = TestHopPki.create(dir, CA);
        senderKeys = pki.party("sender");
        receiverKeys = pki.party("receiver");
    }

    /** The keys {@link TestHopPki#party} wrote for {@code name} under {@code dir} (for another process). */
    static HopKeys keysIn(Path dir, String name) {
        return HopKeys.of(dir.resolve(CA + "-" + name + "-keys.p12"), TestHopPki.PASSWORD, TestHopPki.ALIAS,
                dir.resolve(CA + "-" + name + "-trust.p12"), TestHopPki.PASSWORD);
    }

    Receiver receiver(Path dir) throws IOException {
        return new Receiver(dir, receiverKeys, senderKeys, freePort());
    }

    SenderNode sender(Path brokerDir, Receiver receiver) throws Exception {
        return new SenderNode(brokerDir, senderKeys, receiver, receiverKeys);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
