package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lexgate.store.Fixtures.AGENCY;
import static org.lexgate.store.Fixtures.PROVIDER;
import static org.lexgate.store.Fixtures.inbound;
import static org.lexgate.store.Fixtures.receipt;
import static org.lexgate.store.Fixtures.tx;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Several store calls as one transaction ({@link Store#inTransaction}), and group commit: concurrent
 * {@code recordInbound} calls share a commit, and one that fails fails alone.
 */
class UnitOfWorkTest {

    private static ObjectVersion task(UUID id, String caseRef) {
        return new ObjectVersion(id, Hi1ObjectType.LD_TASK, caseRef, AGENCY, "XA", null, "AwaitingDisclosure", null,
                "<HI1Object/>", null, null, AGENCY);
    }

    @StoreTest
    void aUnitCommitsAllItsWritesAndTheirAuditEventsTogether(TestDatabase db) throws Exception {
        Store store = db.store();
        UUID id = UUID.randomUUID();

        StoredObject seen = store.inTransaction(c -> {
            store.objects().upsert(task(id, "CASE-U1"));
            store.followUps().start("CASE-U1", AGENCY, null, null);
            store.audit().appendOnCommit(AuditEntry.of(AuditEventType.HANDED_TO_BACKEND, "CASE-U1"));
            return store.objects().get(id).orElseThrow(); // the unit reads its own writes
        });

        assertThat(seen.generation()).isEqualTo(1);
        assertThat(store.objects().get(id)).isPresent();
        assertThat(store.followUps().get("CASE-U1")).isPresent();
        assertThat(store.audit().trail("CASE-U1")).extracting(e -> e.entry().type()).containsExactly(
                AuditEventType.STATUS_CHANGED, AuditEventType.FOLLOW_UP_STARTED, AuditEventType.HANDED_TO_BACKEND);
        assertThat(store.audit().firstBrokenLink()).isEmpty();
    }

    @StoreTest
    void aUnitThatThrowsLeavesNothingButWhatItDidOutsideIt(TestDatabase db) {
        Store store = db.store();
        UUID id = UUID.randomUUID();
        String outboundTx = tx();

        assertThatThrownBy(() -> store.inTransaction(c -> {
            store.objects().upsert(task(id, "CASE-U2"));
            store.audit().appendOnCommit(AuditEntry.of(AuditEventType.HANDED_TO_BACKEND, "CASE-U2"));
            // committed at once, although the unit above has written an audit event and holds its rows
            store.outsideTransaction(() -> store.outbound().recordOutbound(
                    Fixtures.outbound(outboundTx, PROVIDER, Lane.ROUTINE, "CASE-U2")));
            throw new IllegalStateException("the back end said no");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the back end said no");

        assertThat(store.objects().get(id)).isEmpty();
        assertThat(store.audit().trail("CASE-U2")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.QUEUED);
        assertThat(db.count("outbound")).isEqualTo(1);
        assertThat(store.audit().firstBrokenLink()).isEmpty();
    }

    @StoreTest
    void aUnitInsideAUnitJoinsIt(Store store) throws Exception {
        assertThatThrownBy(() -> store.inTransaction(outer -> {
            store.inTransaction(inner -> {
                store.audit().appendOnCommit(AuditEntry.of(AuditEventType.RECEIVED, "CASE-U3"));
                return null;
            });
            throw new IllegalStateException("outer fails after the inner one returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.audit().trail("CASE-U3")).isEmpty();
    }

    @StoreTest
    void concurrentMessagesShareACommitAndTheOneThatFailsFailsAlone(TestDatabase db) throws Exception {
        Store store = db.store();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        String good1 = tx();
        String good2 = tx();
        try {
            CountDownLatch writerBusy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // keeps the writer busy until the next three calls are queued: they make one batch
            Future<?> first = callers.submit(() -> store.jdbc().inGroupTransaction("hold the writer", c -> {
                writerBusy.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
            String tooLong = "x".repeat(65); // the column holds 64
            Future<InboundOutcome> a = callers.submit(() -> record(store, good1));
            Future<InboundOutcome> bad = callers.submit(() -> record(store, tooLong));
            Future<InboundOutcome> b = callers.submit(() -> record(store, good2));
            await().atMost(Duration.ofSeconds(10)).until(() -> store.groupCommit().queued() == 3);
            release.countDown();

            first.get(10, TimeUnit.SECONDS);
            assertThat(a.get(10, TimeUnit.SECONDS)).isInstanceOf(InboundOutcome.Stored.class);
            assertThat(b.get(10, TimeUnit.SECONDS)).isInstanceOf(InboundOutcome.Stored.class);
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StoreException.class);
        } finally {
            callers.shutdownNow();
        }
        assertThat(store.messages().findInbound(AGENCY, good1)).isPresent();
        assertThat(store.messages().findInbound(AGENCY, good2)).isPresent();
        assertThat(db.count("message")).isEqualTo(2);
        assertThat(db.count("receipt")).isEqualTo(2);
        assertThat(store.audit().trail("CASE-G")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.ACCEPTED, AuditEventType.ACCEPTED);
        assertThat(store.audit().firstBrokenLink()).isEmpty();
    }

    private static InboundOutcome record(Store store, String tx) {
        return store.messages().recordInbound(inbound(AGENCY, tx, "CASE-G"), receipt(tx, PROVIDER));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
