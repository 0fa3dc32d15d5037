package org.lexgate.delivery;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A sending node in its own process, for {@link CrashTest}: starts on a journal, queues
 * {@code count} messages {@code CRASH-0..} to the receiver, says so on stdout and runs until it is
 * killed. Arguments: journal directory, receiver address, PKI directory, count.
 */
public final class CrashingSender {

    private CrashingSender() {
    }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        URI receiver = URI.create(args[1]);
        Path pki = Path.of(args[2]);
        int count = Integer.parseInt(args[3]);
        SenderNode node = new SenderNode(SenderNode.settings(journal), TestNet.keysIn(pki, "sender"), receiver,
                TestNet.keysIn(pki, "receiver"), SenderNode.FAST);
        for (int i = 0; i < count; i++) {
            node.send("CRASH-" + i, false);
        }
        System.out.println("QUEUED " + count);
        System.out.flush();
        new CountDownLatch(1).await();   // until SIGKILL
    }
}
