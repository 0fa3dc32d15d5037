package org.lexgate.delivery;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.lexgate.soap.HopKeys;

/** The test PKI of a sender and a receiver (one CA), made once per test class. NOT FOR PRODUCTION. */
final class TestNet {

    final HopKeys senderKeys;
    final HopKeys receiverKeys;

    TestNet(Path dir) throws Exception {
        TestHopPki pki = TestHopPki.create(dir, "delivery-test-ca");
        senderKeys = pki.party("sender");
        receiverKeys = pki.party("receiver");
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
