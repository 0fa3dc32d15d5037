package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed with SIGKILL mid-stream keeps every message it acknowledged, and no half-written one
 * (issue 4, "Done when": the crash test). The embedded H2 file database only: PostgreSQL's
 * durability is the server's.
 */
class CrashTest {

    @Test
    void everyAcknowledgedMessageSurvivesAKill(@TempDir Path dir) throws Exception {
        killAfterAndCheck(dir, 40);
    }

    /**
     * The same with the file housekeeping running every 20 ms and chunks rewritable after 100 ms
     * ({@link H2HousekeepingTest}), killed after 1,000 messages: seconds of writing, so the kill can
     * come while it moves pages, and the moved pages must be as safe as the commits.
     */
    @Test
    void everyAcknowledgedMessageSurvivesAKillWhileHousekeepingRuns(@TempDir Path dir) throws Exception {
        assertThat(killAfterAndCheck(dir, 1_000, "housekeeping")).as("housekeeping passes that moved pages")
                .isPositive();
    }

    /** @return the last count of housekeeping passes that moved pages the writer reported (0 if none) */
    private static long killAfterAndCheck(Path dir, int messages, String... writerArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.toString()));
        command.addAll(List.of(writerArgs));
        Process writer = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> acknowledged = new ArrayList<>();
        long rewrites = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("rewrites ")) {
                    rewrites = Long.parseLong(line.substring("rewrites ".length()));
                }
                if (line.startsWith("committed ")) {
                    acknowledged.add(line.substring("committed ".length()));
                    if (acknowledged.size() == messages) {
                        // SIGKILL, no shutdown hook, no close; through the handle, so the lines
                        // already printed can still be read (Process.destroyForcibly closes the pipe).
                        writer.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            writer.destroyForcibly();
        }
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as("killed, not exited").isNotZero();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(messages);

        try (Store store = Store.openEmbedded(dir)) {
            for (String tx : acknowledged) {
                StoredMessage m = store.messages().findInbound(Fixtures.AGENCY, tx).orElseThrow(
                        () -> new AssertionError("acknowledged but lost: " + tx));
                assertThat(store.messages().receipt(m.id())).isPresent();
            }
            long rows = count(store, "message");
            assertThat(count(store, "inbound_key")).isEqualTo(rows);
            assertThat(count(store, "receipt")).isEqualTo(rows);
            assertThat(count(store, "audit_event")).isEqualTo(rows);
            assertThat(store.audit().firstBrokenLink()).isEmpty();
        }
        return rewrites;
    }

    private static long count(Store store, String table) throws Exception {
        try (var c = store.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            long n = rs.getLong(1);
            c.commit();
            return n;
        }
    }
}
