package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.store.Fixtures.AGENCY;
import static org.lexgate.store.Fixtures.PROVIDER;
import static org.lexgate.store.Fixtures.tx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file stays bounded under a node's kind of load ({@link H2Housekeeping}): messages
 * recorded (rows that stay) and objects replaced again and again (rows that change), each its own
 * commit as with {@code WRITE_DELAY=0}. Without housekeeping every chunk H2 writes keeps a live page
 * or two and the file grows by nearly all it writes; with it the file stays within a few times its
 * live data.
 *
 * <p>Two test-only shortcuts, so it takes seconds instead of minutes: housekeeping runs every 20 ms
 * instead of every second, and H2's retention time — how long a chunk is left alone after it was
 * written, 45 s by default — is 100 ms (never 0: h2database#2752). The node runs with H2's default.
 */
class H2HousekeepingTest {

    static final H2Housekeeping.Policy FREQUENT =
            new H2Housekeeping.Policy(Duration.ofMillis(20), 90, 50, 64 << 20);
    private static final int MESSAGES = 2_500;
    private static final int OBJECTS = 50;
    /** What the file may reach with housekeeping; without it, this load makes it several times larger. */
    private static final long BOUND = 64L << 20;

    @Test
    void theFileStaysBoundedWhileANodeKeepsWriting(@TempDir Path dir) throws Exception {
        List<String> recorded;
        try (Store store = Store.open(StoreSettings.embedded(dir), FREQUENT)) {
            assertThat(store.housekeeping()).isNotNull();
            recorded = writeLikeANode(store);
            assertThat(store.housekeeping().rewrites()).as("passes that moved pages").isPositive();
        }
        long size = Files.size(dir.resolve("lexgate.mv.db"));
        assertThat(size).as("file size with housekeeping").isLessThan(BOUND);

        // What it moved is all there, and the file opens again.
        try (Store store = Store.openEmbedded(dir)) {
            for (String transactionId : recorded) {
                assertThat(store.messages().findInbound(AGENCY, transactionId)).isPresent();
            }
            assertThat(store.audit().firstBrokenLink()).isEmpty();
        }
    }

    /** The bound above means something: the same load without housekeeping goes past it. */
    @Test
    void withoutHousekeepingTheSameLoadGoesPastTheBound(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(StoreSettings.embedded(dir), null)) {
            assertThat(store.housekeeping()).isNull();
            writeLikeANode(store);
        }
        assertThat(Files.size(dir.resolve("lexgate.mv.db"))).as("file size without housekeeping")
                .isGreaterThan(BOUND);
    }

    @StoreTest
    void onlyAnH2FileDatabaseGetsHousekeeping(TestDatabase db) {
        assertThat(db.store().housekeeping() != null).isEqualTo(db.backend() == TestDatabase.Backend.H2);
    }

    @Test
    void anInMemoryH2DatabaseHasNone() {
        try (Store store = Store.open(StoreSettings.jdbc("jdbc:h2:mem:housekeeping-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", ""))) {
            assertThat(store.housekeeping()).isNull();
        }
    }

    /**
     * Per message: {@code recordInbound} with a ~4 KB request and ~2 KB receipt (kept for good), then
     * a unit of work that replaces one of {@value #OBJECTS} objects' ~3 KB XML (the old version
     * becomes garbage) with its audit event.
     */
    private static List<String> writeLikeANode(Store store) throws Exception {
        shortenRetention(store);
        UUID[] objects = new UUID[OBJECTS];
        for (int i = 0; i < OBJECTS; i++) {
            objects[i] = UUID.randomUUID();
        }
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String transactionId = tx();
            store.messages().recordInbound(new InboundMessage(AGENCY, PROVIDER, transactionId,
                            Fixtures.document(transactionId, filler(4_000)), Fixtures.signer(AGENCY),
                            Fixtures.CONTACT_POINT_B, "CASE-" + (i % 97), false),
                    new SignedReceipt(Fixtures.document(tx(), filler(2_000)), Fixtures.signer(PROVIDER)));
            recorded.add(transactionId);
            UUID object = objects[i % OBJECTS];
            String caseRef = "CASE-" + (i % 97);
            store.inTransaction(c -> store.objects().upsert(new ObjectVersion(object, Hi1ObjectType.LD_TASK,
                    caseRef, AGENCY, "XA", null, "AwaitingDisclosure", null,
                    "<HI1Object>" + filler(3_000) + "</HI1Object>", null, null, AGENCY)));
        }
        return recorded;
    }

    /** H2's retention time 100 ms instead of 45 s, for this open store (H2 does not keep the setting). */
    static void shortenRetention(Store store) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            MVStore mv = H2Housekeeping.fileStore(c);
            mv.setRetentionTime(100);
            c.rollback();
        }
    }

    /** Random text, so the bytes are what they claim to be whatever H2 does with them. */
    private static String filler(int length) {
        StringBuilder b = new StringBuilder(length + 40);
        while (b.length() < length) {
            b.append(UUID.randomUUID());
        }
        return b.toString();
    }
}
