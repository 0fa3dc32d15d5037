package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lexgate.store.Fixtures.AGENCY;
import static org.lexgate.store.Fixtures.CONTACT_POINT_A;
import static org.lexgate.store.Fixtures.PROVIDER;
import static org.lexgate.store.Fixtures.inbound;
import static org.lexgate.store.Fixtures.receipt;
import static org.lexgate.store.Fixtures.signer;
import static org.lexgate.store.Fixtures.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** "Nothing lost, nothing twice" for inbound messages (DESIGN.md; issue 4, items 3 and 5). */
class InboundTest {

    @StoreTest
    void anAcceptedMessageIsStoredWithItsExactBytesReceiptAndAuditEvent(Store store) {
        String tx = tx();
        InboundMessage m = inbound(AGENCY, tx, "CASE-1");
        SignedReceipt r = receipt(tx, PROVIDER);

        InboundOutcome outcome = store.messages().recordInbound(m, r);

        assertThat(outcome).isInstanceOf(InboundOutcome.Stored.class);
        StoredMessage stored = store.messages().findInbound(AGENCY, tx).orElseThrow();
        assertThat(stored.id()).isEqualTo(outcome.messageId());
        assertThat(stored.signedBytes()).isEqualTo(m.signedBytes());
        assertThat(stored.sha256()).isEqualTo(Sha256.hex(m.signedBytes())).hasSize(64);
        assertThat(stored.direction()).isEqualTo(Direction.IN);
        assertThat(stored.signer()).isEqualTo(signer(AGENCY));
        assertThat(stored.neighbour()).isEqualTo(Fixtures.CONTACT_POINT_B);
        assertThat(stored.caseRef()).isEqualTo("CASE-1");
        assertThat(store.messages().receipt(stored.id()).orElseThrow().signedBytes()).isEqualTo(r.signedBytes());
        assertThat(outcome.receipt().sha256()).isEqualTo(Sha256.hex(r.signedBytes()));
        assertThat(store.audit().trail("CASE-1")).singleElement().satisfies(e -> {
            assertThat(e.entry().type()).isEqualTo(AuditEventType.ACCEPTED);
            assertThat(e.entry().messageId()).isEqualTo(stored.id());
            assertThat(e.entry().messageSha256()).isEqualTo(stored.sha256());
            assertThat(e.entry().signerSubject()).isEqualTo(signer(AGENCY).subject());
        });
    }

    @StoreTest
    void aLargeMessageIsWrittenAndReadBackByteForByte(Store store) {
        String tx = tx();
        byte[] payload = new byte[3 * MessageStore.STREAMED_BYTES + 17];
        new java.util.SplittableRandom(4).nextBytes(payload);
        String base64 = java.util.Base64.getEncoder().encodeToString(payload);
        InboundMessage m = new InboundMessage(AGENCY, PROVIDER, tx, Fixtures.document(tx, "<Data>" + base64 + "</Data>"),
                signer(AGENCY), null, "CASE-L", false);

        InboundOutcome outcome = store.messages().recordInbound(m, receipt(tx, PROVIDER));

        StoredMessage stored = store.messages().get(outcome.messageId()).orElseThrow();
        assertThat(java.util.Arrays.equals(stored.signedBytes(), m.signedBytes())).as("the exact bytes").isTrue();
        assertThat(stored.sha256()).isEqualTo(Sha256.hex(m.signedBytes()));
        assertThat(store.messages().byCase("CASE-L")).singleElement()
                .satisfies(s -> assertThat(java.util.Arrays.equals(s.signedBytes(), m.signedBytes())).isTrue());
    }

    @StoreTest
    void aRetriedMessageGetsItsOriginalReceiptAndLeavesOneRow(TestDatabase db) {
        Store store = db.store();
        String tx = tx();
        InboundOutcome first = store.messages().recordInbound(inbound(AGENCY, tx, "CASE-2"), receipt(tx, PROVIDER));

        InboundOutcome again = store.messages().recordInbound(inbound(AGENCY, tx, "CASE-2"), receipt(tx, PROVIDER));

        assertThat(again).isInstanceOf(InboundOutcome.Duplicate.class);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.receipt().signedBytes()).isEqualTo(first.receipt().signedBytes());
        assertThat(db.count("message")).isEqualTo(1);
        assertThat(db.count("receipt")).isEqualTo(1);
        assertThat(store.audit().trail("CASE-2")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.ACCEPTED, AuditEventType.DUPLICATE);
    }

    @StoreTest
    void theSameTransactionIdentifierFromAnotherSenderIsAnotherMessage(TestDatabase db) {
        String tx = tx();
        InboundOutcome a = db.store().messages().recordInbound(inbound(AGENCY, tx, null), receipt(tx, PROVIDER));
        InboundOutcome b = db.store().messages().recordInbound(inbound(CONTACT_POINT_A, tx, null), receipt(tx, PROVIDER));
        assertThat(a).isInstanceOf(InboundOutcome.Stored.class);
        assertThat(b).isInstanceOf(InboundOutcome.Stored.class);
        assertThat(db.count("message")).isEqualTo(2);
    }

    @StoreTest
    void concurrentCopiesRaceToOneRowAndAllGetTheWinnersReceipt(TestDatabase db) throws Exception {
        Store store = db.store();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 8; round++) {
                String tx = tx();
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<InboundOutcome>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return store.messages().recordInbound(inbound(AGENCY, tx, "RACE"), receipt(tx, PROVIDER));
                    }));
                }
                List<InboundOutcome> outcomes = new ArrayList<>();
                for (Future<InboundOutcome> f : futures) {
                    outcomes.add(f.get(30, TimeUnit.SECONDS));
                }
                assertThat(outcomes).filteredOn(o -> o instanceof InboundOutcome.Stored).hasSize(1);
                InboundOutcome winner = outcomes.stream().filter(o -> o instanceof InboundOutcome.Stored)
                        .findFirst().orElseThrow();
                assertThat(outcomes).allSatisfy(o -> {
                    assertThat(o.messageId()).isEqualTo(winner.messageId());
                    assertThat(o.receipt().signedBytes()).isEqualTo(winner.receipt().signedBytes());
                });
                assertThat(db.queryLong("SELECT COUNT(*) FROM message WHERE transaction_id = ?", tx)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.audit().firstBrokenLink()).isEmpty();
    }

    @StoreTest
    void aFailureMidTransactionLeavesNothingBehind(TestDatabase db) {
        Store store = db.store();
        String tx = tx();
        InboundMessage m = inbound(AGENCY, tx, "CASE-3");
        // The message and its key are written first; the receipt's signer subject is too long for
        // its column, so the database refuses the third statement of the transaction.
        SignedReceipt refusedByTheDatabase = new SignedReceipt(receipt(tx, PROVIDER).signedBytes(),
                new SignerRef("CN=" + "x".repeat(2000), "01"));

        assertThatThrownBy(() -> store.messages().recordInbound(m, refusedByTheDatabase))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isTransient()).isFalse());

        for (String table : List.of("message", "inbound_key", "receipt", "audit_event")) {
            assertThat(db.count(table)).as(table).isZero();
        }
        assertThat(store.messages().findInbound(AGENCY, tx)).isEmpty();
        // The sender's retry is then the first time, not a duplicate.
        assertThat(store.messages().recordInbound(m, receipt(tx, PROVIDER))).isInstanceOf(InboundOutcome.Stored.class);
        assertThat(store.audit().firstBrokenLink()).isEmpty();
    }

    @StoreTest
    void aRefusalLeavesAnAuditEventWithItsCodeAndNoMessage(TestDatabase db) {
        String tx = tx();
        db.store().messages().recordRefusal(new Refusal(AGENCY, tx, "CASE-4", Fixtures.CONTACT_POINT_B,
                Sha256.hex(new byte[] {1, 2, 3}), signer(AGENCY).subject(), 9201, "signer is not the sender"));

        assertThat(db.count("message")).isZero();
        assertThat(db.store().messages().findInbound(AGENCY, tx)).isEmpty();
        assertThat(db.store().audit().trail("CASE-4")).singleElement().satisfies(e -> {
            assertThat(e.entry().type()).isEqualTo(AuditEventType.REFUSED);
            assertThat(e.entry().code()).isEqualTo(9201);
            assertThat(e.entry().transactionId()).isEqualTo(tx);
            assertThat(e.entry().detail()).contains("signer is not the sender");
        });
    }
}
