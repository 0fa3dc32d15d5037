package org.lexgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.adapters.filedrop.FileDropAdapter;
import org.lexgate.adapters.filedrop.FileDropConfig;
import org.lexgate.gateway.outbound.MessageSender;
import org.lexgate.gateway.outbound.MessageSender.SentMessage;
import org.lexgate.gateway.role.CaseBook;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.gateway.role.Outbox;
import org.lexgate.store.Store;
import org.lexgate.trust.directory.PartyId;

/**
 * The provider's answer poller on a real file drop and a real (embedded H2) case book: an answer
 * for a task the node does not know yet is held while that task's handling may still be committing,
 * and rejected to the provider's staff once it stays unknown.
 */
class AnswerPollerTest {

    @TempDir
    Path dir;
    Store store;
    FileDropAdapter adapter;
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    AnswerPoller poller;

    @BeforeEach
    void open() throws Exception {
        store = Store.openEmbedded(dir.resolve("store"));
        adapter = new FileDropAdapter(FileDropConfig.under(dir.resolve("filedrop")));
        adapter.start();
        MessageSender sendsNothing = new MessageSender() {
            @Override
            public SentMessage send(HI1Message unsigned, boolean emergency, String caseReference) {
                throw new AssertionError("nothing is sent for an unknown task");
            }

            @Override
            public SentMessage forward(byte[] signedBytes, PartyId nextHop, boolean emergency, String caseReference) {
                throw new AssertionError("nothing is forwarded");
            }
        };
        poller = new AnswerPoller(PartyId.parse("XA-PROVIDER"), CaseBook.open(store), new Outbox(sendsNothing, store),
                adapter, now::get);
    }

    @AfterEach
    void close() {
        adapter.stop();
        store.close();
    }

    @Test
    void anAnswerForAnUnknownTaskWaitsForTheGracePeriodThenIsRejected() throws Exception {
        UUID task = UUID.randomUUID();
        Files.writeString(dir.resolve("filedrop/answers/" + task + ".answer.properties"),
                "task=" + task + "\ntype=refusal\nreason=AccountNotFound\nexplanation=none\n", StandardCharsets.UTF_8);

        assertThat(poller.pollOnce()).isZero();
        now.set(now.get().plus(AnswerPoller.UNKNOWN_TASK_GRACE.minusSeconds(1)));
        assertThat(poller.pollOnce()).isZero();
        assertThat(names(dir.resolve("filedrop/answers"))).as("held: its task's handling may still be committing")
                .containsExactly(task + ".answer.properties");
        assertThat(Files.exists(dir.resolve("filedrop/answers/rejected"))
                && !names(dir.resolve("filedrop/answers/rejected")).isEmpty()).isFalse();

        now.set(now.get().plus(Duration.ofSeconds(2)));
        assertThat(poller.pollOnce()).isZero();
        assertThat(names(dir.resolve("filedrop/answers"))).isEmpty();
        assertThat(names(dir.resolve("filedrop/answers/rejected"))).contains(task + ".answer.properties");
        assertThat(Files.readString(dir.resolve("filedrop/answers/rejected/" + task + ".answer.properties.reason")))
                .contains("no request for task " + task + " is known to this node");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
