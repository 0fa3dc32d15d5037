package org.lexgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost across a SIGKILL: a sending node in its own process is killed while one message
 * is in flight (the receiver holds it at its door) and more wait on the queue; a new node on the
 * same journal delivers every message that was not yet acknowledged, and the receiver ends with
 * every message (the one in flight twice at most, which its duplicate check absorbs).
 */
class CrashTest {

    private static final int COUNT = 8;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    Receiver receiver;
    SenderNode sender;
    Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (sender != null) {
            sender.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aNodeKilledWithMessagesInFlightLosesNothing() throws Exception {
        Path pki = dir.resolve("pki");
        TestNet net = new TestNet(pki);
        receiver = net.receiver(dir).start();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        receiver.gate = id -> {
            if (id.equals("CRASH-3") && release.getCount() > 0) {
                held.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
        };
        Path journal = dir.resolve("broker");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, CrashingSender.class.getName(),
                journal.toString(), receiver.address.toString(), pki.toString(), String.valueOf(COUNT))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();

        assertThat(held.await(60, TimeUnit.SECONDS)).as("CRASH-3 reached the receiver; child log:%n%s",
                childLog()).isTrue();
        child.destroyForcibly();   // SIGKILL
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        release.countDown();

        sender = net.sender(journal, receiver);
        List<String> all = IntStream.range(0, COUNT).mapToObj(i -> "CRASH-" + i).toList();
        await().atMost(WAIT).until(() -> receiver.arrivals.containsAll(all)
                && sender.queued(false) == 0 && sender.delivered.containsAll(all.subList(3, COUNT)));
        assertThat(receiver.arrivals).containsExactlyInAnyOrderElementsOf(all);
        assertThat(receiver.counts.values()).allMatch(n -> n <= 2);
        assertThat(sender.deadLettered).isEmpty();
    }

    private String childLog() throws Exception {
        Path log = dir.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }
}
