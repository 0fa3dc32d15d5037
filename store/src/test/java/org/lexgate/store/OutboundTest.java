package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lexgate.store.Fixtures.CONTACT_POINT_A;
import static org.lexgate.store.Fixtures.PROVIDER;
import static org.lexgate.store.Fixtures.outbound;
import static org.lexgate.store.Fixtures.receipt;
import static org.lexgate.store.Fixtures.tx;

import java.util.UUID;

/** Outbound delivery state (issue 4, item 4). */
class OutboundTest {

    @StoreTest
    void aMessageGoesFromPendingThroughFailedAttemptsToDeliveredWithItsReceipt(TestDatabase db) {
        OutboundStore out = db.store().outbound();
        String tx = tx();
        OutboundMessage m = outbound(tx, PROVIDER, Lane.ROUTINE, "CASE-O1");

        UUID id = out.recordOutbound(m).messageId();
        assertThat(out.get(id).orElseThrow().state()).isEqualTo(OutboundState.PENDING);
        assertThat(out.recordAttemptFailure(id, "connection refused")).isEqualTo(1);
        assertThat(out.recordAttemptFailure(id, "HTTP 503")).isEqualTo(2);
        SignedReceipt r = receipt(tx, PROVIDER);
        assertThat(out.markDelivered(id, r)).isTrue();

        OutboundRecord done = out.get(id).orElseThrow();
        assertThat(done.state()).isEqualTo(OutboundState.DELIVERED);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.lastError()).isEqualTo("HTTP 503");
        assertThat(done.deliveredAt()).isNotNull();
        assertThat(done.signedBytes()).isEqualTo(m.signedBytes());
        assertThat(db.store().messages().get(id).orElseThrow().direction()).isEqualTo(Direction.OUT);
        assertThat(db.store().messages().receipt(id).orElseThrow().signedBytes()).isEqualTo(r.signedBytes());
        assertThat(out.pending(10)).isEmpty();
        assertThat(db.store().audit().trail("CASE-O1")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.QUEUED, AuditEventType.DELIVERED);
    }

    @StoreTest
    void aSecondReceiptForADeliveredMessageChangesNothing(TestDatabase db) {
        OutboundStore out = db.store().outbound();
        String tx = tx();
        UUID id = out.recordOutbound(outbound(tx, PROVIDER, Lane.ROUTINE, null)).messageId();
        SignedReceipt first = receipt(tx, PROVIDER);
        assertThat(out.markDelivered(id, first)).isTrue();

        assertThat(out.markDelivered(id, receipt(tx, PROVIDER))).isFalse();
        assertThat(db.store().messages().receipt(id).orElseThrow().signedBytes()).isEqualTo(first.signedBytes());
        assertThat(out.get(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @StoreTest
    void theSameMessageToTheSameDestinationIsRecordedOnce(TestDatabase db) {
        OutboundStore out = db.store().outbound();
        String tx = tx();
        OutboundOutcome first = out.recordOutbound(outbound(tx, PROVIDER, Lane.ROUTINE, null));
        OutboundOutcome again = out.recordOutbound(outbound(tx, PROVIDER, Lane.ROUTINE, null));
        OutboundOutcome elsewhere = out.recordOutbound(outbound(tx, CONTACT_POINT_A, Lane.ROUTINE, null));

        assertThat(first).isInstanceOf(OutboundOutcome.Recorded.class);
        assertThat(again).isEqualTo(new OutboundOutcome.AlreadyRecorded(first.messageId(), OutboundState.PENDING));
        assertThat(elsewhere).isInstanceOf(OutboundOutcome.Recorded.class);
        assertThat(db.count("outbound")).isEqualTo(2);
    }

    @StoreTest
    void pendingListsTheEmergencyLaneFirstThenOldestFirst(Store store) {
        UUID routine1 = store.outbound().recordOutbound(outbound(tx(), PROVIDER, Lane.ROUTINE, null)).messageId();
        UUID routine2 = store.outbound().recordOutbound(outbound(tx(), PROVIDER, Lane.ROUTINE, null)).messageId();
        UUID emergency = store.outbound().recordOutbound(outbound(tx(), PROVIDER, Lane.EMERGENCY, null)).messageId();

        assertThat(store.outbound().pending(10)).extracting(OutboundRecord::messageId)
                .containsExactly(emergency, routine1, routine2);
        assertThat(store.outbound().pending(1)).extracting(OutboundRecord::messageId).containsExactly(emergency);
    }

    @StoreTest
    void deadLettersAreListedWithTheirReasonAndCanBeResent(TestDatabase db) {
        OutboundStore out = db.store().outbound();
        String tx = tx();
        UUID id = out.recordOutbound(outbound(tx, PROVIDER, Lane.ROUTINE, "CASE-O2")).messageId();
        UUID other = out.recordOutbound(outbound(tx(), PROVIDER, Lane.ROUTINE, null)).messageId();
        out.recordAttemptFailure(id, "timeout");

        assertThat(out.markDeadLettered(id, "retry limit reached", 9301)).isTrue();
        assertThat(out.markDeadLettered(id, "again", 9301)).isFalse();

        assertThat(out.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo(id);
            assertThat(d.destination()).isEqualTo(PROVIDER);
            assertThat(d.transactionId()).isEqualTo(tx);
            assertThat(d.reason()).isEqualTo("retry limit reached");
            assertThat(d.code()).isEqualTo(9301);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).isEqualTo("timeout");
            assertThat(d.deadLetteredAt()).isNotNull();
        });
        assertThat(out.pending(10)).extracting(OutboundRecord::messageId).containsExactly(other);
        assertThat(out.resendRequested(other, "operator")).isEmpty();

        OutboundRecord resent = out.resendRequested(id, "operator").orElseThrow();
        assertThat(resent.state()).isEqualTo(OutboundState.PENDING);
        assertThat(resent.attempts()).isZero();
        assertThat(resent.resendCount()).isEqualTo(1);
        assertThat(out.deadLetters()).isEmpty();
        assertThat(out.pending(10)).extracting(OutboundRecord::messageId).containsExactlyInAnyOrder(id, other);
        assertThat(db.store().audit().trail("CASE-O2")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.QUEUED, AuditEventType.DEAD_LETTERED, AuditEventType.RESEND_REQUESTED);
        assertThat(db.store().audit().trail("CASE-O2").get(1).entry().code()).isEqualTo(9301);
    }

    @StoreTest
    void aLongErrorIsCutToFitAndAnUnknownMessageIsAPermanentFailure(Store store) {
        UUID id = store.outbound().recordOutbound(outbound(tx(), PROVIDER, Lane.ROUTINE, null)).messageId();
        store.outbound().recordAttemptFailure(id, "e".repeat(5000));
        assertThat(store.outbound().get(id).orElseThrow().lastError()).hasSize(2000);

        assertThatThrownBy(() -> store.outbound().markDelivered(UUID.randomUUID(), receipt("x", PROVIDER)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("no outbound message");
    }
}
