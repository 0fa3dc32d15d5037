package org.lexgate.gateway.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lexgate.gateway.network.LoopbackNetwork;
import org.lexgate.gateway.network.ScriptedBackOffice;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.store.AuditEvent;
import org.lexgate.store.AuditEventType;
import org.lexgate.store.Store;
import org.lexgate.trust.pki.TestParty;

/**
 * Four real nodes of the example network on loopback for the end-to-end tests (SOAP with
 * WS-Security over HTTP, embedded Artemis, H2 or PostgreSQL), the provider's scripted back office
 * answering through the file drop, and bounded waits on what the nodes record.
 */
final class E2eNetwork implements AutoCloseable {

    static final String PG_ENV = "LEXGATE_TEST_PG_URL";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final List<TestParty> NODES = List.of(TestParty.XA_AGENCY, TestParty.XA_CP, TestParty.XB_CP,
            TestParty.XB_PROVIDER);

    final Path dir;
    final LoopbackNetwork network;
    final ScriptedBackOffice backOffice;
    private final ScheduledExecutorService clerk;
    private final java.util.concurrent.atomic.AtomicBoolean backOfficeOpen = new java.util.concurrent.atomic.AtomicBoolean(true);

    private E2eNetwork(Path dir, LoopbackNetwork network) {
        this.dir = dir;
        this.network = network;
        this.backOffice = new ScriptedBackOffice(network.fileDrop(TestParty.XB_PROVIDER));
        this.clerk = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "e2e-back-office");
            t.setDaemon(true);
            return t;
        });
        clerk.scheduleWithFixedDelay(() -> {
            if (backOfficeOpen.get()) {
                backOffice.run();
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** Role settings of the test network: fast polls and checks, and a warning as soon as a clock starts. */
    static Map<TestParty, Map<String, String>> settings() {
        return Map.of(
                TestParty.XB_PROVIDER, Map.of("adapter.poll-interval", "PT0.1S"),
                TestParty.XB_CP, Map.of("followup.warn-before", "P365D", "followup.check-interval", "PT0.2S"),
                TestParty.XA_AGENCY, Map.of("followup.check-interval", "PT1H"),
                TestParty.XA_CP, Map.of("followup.check-interval", "PT1H"));
    }

    /** Starts the given nodes; {@code pgUrl} non-null puts every node's record in its own fresh PostgreSQL schema. */
    static E2eNetwork start(List<TestParty> nodes, String pgUrl) throws Exception {
        return start(nodes, nodes, pgUrl);
    }

    /** Configures {@code configured} and starts {@code started} of them in this process. */
    static E2eNetwork start(List<TestParty> configured, List<TestParty> started, String pgUrl) throws Exception {
        Path dir = Files.createTempDirectory("lexgate-e2e-");
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        LoopbackNetwork network = LoopbackNetwork.create(dir, configured, settings(), p -> pgUrl == null ? Optional.empty()
                : Optional.of(new LoopbackNetwork.Database(pgUrl, "e2e_" + run + "_" + p.alias().replace('-', '_'))));
        E2eNetwork e2e = new E2eNetwork(dir, network);
        try {
            for (TestParty p : started) {
                network.start(p);
            }
        } catch (Exception e) {
            e2e.close();
            throw e;
        }
        return e2e;
    }

    static String pgUrl() {
        String url = System.getenv(PG_ENV);
        return url == null || url.isBlank() ? null : url;
    }

    /** The provider's staff stop (or resume) answering; requests keep arriving in the file drop. */
    void backOfficeAnswers(boolean open) {
        backOfficeOpen.set(open);
    }

    Store store(TestParty p) {
        return network.node(p).store();
    }

    /** Issues a request from a node's agency desk; returns the id of its (first) task. */
    String submit(TestParty from, HI1Message request) throws Exception {
        network.roles(from).agency().submit(request);
        return new Hi1View(request).createdTasks().stream().map(HI1Object::getObjectIdentifier).findFirst().orElse(null);
    }

    static String taskOf(HI1Message request) {
        return new Hi1View(request).createdTasks().stream().map(HI1Object::getObjectIdentifier).findFirst().orElseThrow();
    }

    Optional<TaskRecord> task(TestParty at, String taskId) throws Exception {
        return network.roles(at).agency() != null ? network.roles(at).agency().task(taskId) : Optional.empty();
    }

    /** Waits until the requester's record of a task has this Status; returns the record. */
    TaskRecord awaitStatus(TestParty at, String taskId, String status) {
        return awaitStatus(at, taskId, status, WAIT);
    }

    TaskRecord awaitStatus(TestParty at, String taskId, String status, Duration wait) {
        await().atMost(wait).pollInterval(Duration.ofMillis(100)).until(() -> task(at, taskId)
                .map(t -> status.equals(t.status())).orElse(false));
        try {
            return task(at, taskId).orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events of a type at a node, for a case. */
    List<AuditEvent> events(TestParty at, String caseRef, AuditEventType type) {
        return store(at).audit().trail(caseRef).stream().filter(e -> e.entry().type() == type).toList();
    }

    /** Every event of a type at a node. */
    List<AuditEvent> events(TestParty at, AuditEventType type) {
        return store(at).audit().since(1, 1_000_000).stream().filter(e -> e.entry().type() == type).toList();
    }

    /** Waits until no node has an outbound message still to deliver. */
    void awaitQuiet() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> network.parties().stream().filter(network::isRunning)
                        .allMatch(p -> store(p).outbound().pending(1).isEmpty()));
    }

    @Override
    public void close() {
        clerk.shutdownNow();
        network.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
