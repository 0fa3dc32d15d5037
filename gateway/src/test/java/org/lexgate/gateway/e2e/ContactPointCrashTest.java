package org.lexgate.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lexgate.gateway.network.Requests;
import org.lexgate.message.build.Priority;
import org.lexgate.store.AuditEventType;
import org.lexgate.trust.pki.TestPki;
import org.lexgate.trust.pki.TestParty;

/**
 * Nothing lost, nothing twice, across a crash (issue 4, "Done when"): the contact point XB-CP runs
 * as its own process ({@code lexgate serve}) between XA-CP and XB-PROVIDER; it is killed with
 * SIGKILL while cross-border requests are in flight (accepted with a receipt, not yet given
 * effect, or given effect and waiting for their answers), and restarted on the same data folder.
 * In the end every request is answered, the provider acted on each exactly once, and the agency
 * holds exactly one answer (delivery + attached signed answer) per request.
 */
class ContactPointCrashTest {

    private static final int COUNT = 20;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<TestParty> IN_PROCESS = List.of(TestParty.XA_AGENCY, TestParty.XA_CP, TestParty.XB_PROVIDER);

    private E2eNetwork net;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        if (net != null) {
            net.close();
        }
    }

    @Test
    void aContactPointKilledWithMessagesInFlightLosesNothingAndDoesNothingTwice() throws Exception {
        net = E2eNetwork.start(E2eNetwork.NODES, IN_PROCESS, null);
        Path log = net.dir.resolve("xb-cp.log");
        child = startXbCp(log);

        // while XB-CP is down nobody must need it, or the partners' circuits open for 30 s: the
        // provider's staff answer only after the restart, and the kill comes once XA-CP handed everything over
        net.backOfficeAnswers(false);
        List<String> tasks = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String ref = "XA-AGENCY-2026-3" + (100 + i);
            cases.add(ref);
            tasks.add(net.submit(TestParty.XA_AGENCY, Requests.crossBorderDisclosure(ref, "203.0.113." + (10 + i),
                    Priority.ROUTINE)));
        }
        // in flight: XB-CP has accepted every request (XA-CP holds its receipts) and is still giving effect to them
        await().atMost(WAIT).until(() -> net.events(TestParty.XA_CP, AuditEventType.DELIVERED).stream()
                .filter(e -> "XB-CP".equals(e.entry().party())).count() >= COUNT);
        child.destroyForcibly(); // SIGKILL on Linux
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        long atProviderBeforeKill = net.events(TestParty.XB_PROVIDER, AuditEventType.ACCEPTED).size();
        System.out.println("ContactPointCrashTest: XB-CP killed with " + (COUNT - atProviderBeforeKill) + " of " + COUNT
                + " accepted requests not yet given effect at the provider");

        child = startXbCp(log);
        net.backOfficeAnswers(true);

        for (String task : tasks) {
            net.awaitStatus(TestParty.XA_AGENCY, task, "Disclosed", WAIT);
        }
        net.awaitQuiet();
        // the provider acted once per request: one domestic request accepted and handed to its back end per case
        Map<String, Long> accepted = counts(net.events(TestParty.XB_PROVIDER, AuditEventType.ACCEPTED).stream()
                .filter(e -> "XB-CP".equals(e.entry().party())).map(e -> e.entry().caseRef()).toList());
        Map<String, Long> handedOver = counts(net.events(TestParty.XB_PROVIDER, AuditEventType.HANDED_TO_BACKEND).stream()
                .map(e -> e.entry().caseRef()).toList());
        for (String ref : cases) {
            assertThat(accepted.get(ref)).as("domestic requests accepted for %s (log %s)", ref, log).isEqualTo(1L);
            assertThat(handedOver.get(ref)).as("hand-overs for %s", ref).isEqualTo(1L);
            // the agency received exactly one delivery and one status notification with the attached signed answer
            assertThat(net.events(TestParty.XA_AGENCY, ref, AuditEventType.ACCEPTED))
                    .as("answers accepted at the agency for %s", ref).hasSize(2);
        }
        assertThat(net.store(TestParty.XA_CP).outbound().deadLetters()).isEmpty();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("XB-CP: SERVING");
    }

    private Process startXbCp(Path log) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, "org.lexgate.cli.LexgateCommand", "serve",
                "--config", net.network.config(TestParty.XB_CP).toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("LEXGATE_KEY_PASSWORD", TestPki.KEYSTORE_PASSWORD);
        Process p = pb.start();
        await().atMost(WAIT).until(() -> Files.exists(log)
                && occurrences(Files.readString(log, StandardCharsets.UTF_8), "XB-CP: SERVING") > restarts);
        restarts++;
        return p;
    }

    private int restarts;

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static Map<String, Long> counts(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
