package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/** The trail of a case in order (§25, §52), and the hash chain that makes edits evident. */
class AuditTrailTest {

    @StoreTest
    void aCaseTrailComesBackInTheOrderItHappened(Store store) {
        AuditTrail audit = store.audit();
        audit.append(AuditEntry.of(AuditEventType.RECEIVED, "CASE-A").withParty("XA-AGENCY"));
        audit.append(AuditEntry.of(AuditEventType.RECEIVED, "CASE-B"));
        audit.append(AuditEntry.of(AuditEventType.RECEIPT_SENT, "CASE-A").withDetail("receipt 1"));
        audit.append(AuditEntry.of(AuditEventType.FORWARDED, "CASE-A").withParty("XB-CP").withCode(null));

        List<AuditEvent> trail = audit.trail("CASE-A");

        assertThat(trail).extracting(e -> e.entry().type()).containsExactly(AuditEventType.RECEIVED,
                AuditEventType.RECEIPT_SENT, AuditEventType.FORWARDED);
        assertThat(trail).extracting(AuditEvent::seq).containsExactly(1L, 3L, 4L);
        assertThat(trail).extracting(AuditEvent::recordedAt).isSorted();
        assertThat(trail.get(0).entry().party()).isEqualTo("XA-AGENCY");
        assertThat(trail.get(1).entry().detail()).isEqualTo("receipt 1");
    }

    @StoreTest
    void eachEventChainsThePreviousOnesHash(Store store) {
        UUID messageId = UUID.randomUUID();
        AuditEvent first = store.audit().append(AuditEntry.of(AuditEventType.ACCEPTED, "CASE-C")
                .withParty("XA-AGENCY").withTransactionId("tx-1").withMessage(messageId, "AB".repeat(32))
                .withSigner("CN=XA-AGENCY").withCode(0).withDetail("ünïcödé"));
        AuditEvent second = store.audit().append(AuditEntry.of(AuditEventType.REFUSED, null).withCode(3000));

        assertThat(first.prevHash()).isEqualTo(AuditTrail.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.rowHash());
        assertThat(store.audit().trail("CASE-C")).singleElement().isEqualTo(first);
        assertThat(first.entry().messageSha256()).isEqualTo("ab".repeat(32));
        assertThat(store.audit().firstBrokenLink()).isEmpty();
    }

    @StoreTest
    void concurrentAppendsMakeOneChainWithoutGaps(TestDatabase db) throws Exception {
        Store store = db.store();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String ref = "CASE-T" + t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.audit().append(AuditEntry.of(AuditEventType.STATUS_CHANGED, ref).withDetail("#" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.audit().since(1, 1000)).extracting(AuditEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(store.audit().trail("CASE-T2")).extracting(e -> e.entry().detail())
                .containsExactlyElementsOf(LongStream.range(0, 25).mapToObj(i -> "#" + i).toList());
        assertThat(store.audit().firstBrokenLink()).isEmpty();
    }

    @StoreTest
    void anEditedRowBreaksTheChainAtThatRow(TestDatabase db) {
        for (int i = 0; i < 5; i++) {
            db.store().audit().append(AuditEntry.of(AuditEventType.DELIVERED, "CASE-D").withDetail("delivery " + i));
        }
        db.execute("UPDATE audit_event SET detail = 'nothing happened' WHERE seq = 3");
        assertThat(db.store().audit().firstBrokenLink()).hasValue(3);
    }

    @StoreTest
    void aDeletedRowBreaksTheChain(TestDatabase db) {
        for (int i = 0; i < 5; i++) {
            db.store().audit().append(AuditEntry.of(AuditEventType.DELIVERED, "CASE-E").withDetail("delivery " + i));
        }
        db.execute("DELETE FROM audit_event WHERE seq = 2");
        assertThat(db.store().audit().firstBrokenLink()).hasValue(2);
        db.execute("DELETE FROM audit_event WHERE seq >= 2");
        assertThat(db.store().audit().firstBrokenLink()).as("removed at the end: the head no longer matches")
                .hasValue(2);
    }
}
