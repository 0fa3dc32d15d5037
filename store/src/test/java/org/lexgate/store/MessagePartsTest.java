package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lexgate.store.Fixtures.AGENCY;
import static org.lexgate.store.Fixtures.PROVIDER;
import static org.lexgate.store.Fixtures.receipt;
import static org.lexgate.store.Fixtures.signer;
import static org.lexgate.store.Fixtures.tx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Large messages in parts (table {@code message_part}): staged in transactions of their own, linked by
 * the message's transaction, read back byte for byte; nothing left behind by a duplicate or a failure,
 * and orphans of a crash deleted once old.
 */
class MessagePartsTest {

    /** A "signed" document of about {@code size} bytes whose bytes differ everywhere. */
    private static byte[] large(String tx, int size, int seed) {
        byte[] payload = new byte[size * 3 / 4];
        new SplittableRandom(seed).nextBytes(payload);
        return Fixtures.document(tx, "<Data>" + Base64.getEncoder().encodeToString(payload) + "</Data>");
    }

    private static InboundMessage inbound(String tx, byte[] bytes) {
        return new InboundMessage(AGENCY, PROVIDER, tx, bytes, signer(AGENCY), null, "CASE-P", false);
    }

    private static int parts(byte[] bytes) {
        return (bytes.length + MessageStore.PART_BYTES - 1) / MessageStore.PART_BYTES;
    }

    @StoreTest
    void aLargeMessageIsStoredInLinkedPartsAndReadBackByteForByteAlsoAfterARestart(TestDatabase db) {
        String tx = tx();
        byte[] bytes = large(tx, 5 * MessageStore.PART_BYTES + 123, 1);

        InboundOutcome outcome = db.store().messages().recordInbound(inbound(tx, bytes), receipt(tx, PROVIDER));

        assertThat(parts(bytes)).isEqualTo(6);
        assertThat(db.count("message_part")).isEqualTo(6);
        assertThat(db.queryLong("SELECT COUNT(*) FROM message_part WHERE staged_at IS NULL AND message_id = ?",
                outcome.messageId())).as("linked").isEqualTo(6);
        assertThat(db.queryLong("SELECT part_count FROM message WHERE id = ? AND signed_bytes IS NULL",
                outcome.messageId())).isEqualTo(6);
        StoredMessage stored = db.store().messages().get(outcome.messageId()).orElseThrow();
        assertThat(Arrays.equals(stored.signedBytes(), bytes)).as("the exact bytes").isTrue();
        assertThat(stored.sha256()).isEqualTo(Sha256.hex(bytes));
        assertThat(db.store().messages().byCase("CASE-P")).singleElement()
                .satisfies(s -> assertThat(Arrays.equals(s.signedBytes(), bytes)).isTrue());

        Store reopened = db.reopen();
        assertThat(Arrays.equals(reopened.messages().findInbound(AGENCY, tx).orElseThrow().signedBytes(), bytes))
                .as("the exact bytes after a restart").isTrue();
    }

    @StoreTest
    void aMessageGivenInThePiecesItArrivedInIsStoredFromThemByteForByte(TestDatabase db) {
        String tx = tx();
        byte[] bytes = large(tx, 3 * MessageStore.PART_BYTES + 1000, 14);
        List<byte[]> pieces = new ArrayList<>(); // uneven pieces, none on a part boundary, one empty
        SplittableRandom random = new SplittableRandom(15);
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(200_000));
            pieces.add(Arrays.copyOfRange(bytes, at, at + n));
            pieces.add(at == 0 ? new byte[0] : pieces.remove(pieces.size() - 1));
            at += n;
        }
        SignedBytes signed = SignedBytes.ofPieces(pieces);
        InboundMessage m = new InboundMessage(AGENCY, PROVIDER, tx, signed, signer(AGENCY), null, "CASE-P", false);

        InboundOutcome outcome = db.store().messages().recordInbound(m, receipt(tx, PROVIDER));

        assertThat(signed.isArray()).as("stored from the pieces, not joined").isFalse();
        StoredMessage stored = db.store().messages().get(outcome.messageId()).orElseThrow();
        assertThat(Arrays.equals(stored.signedBytes(), bytes)).isTrue();
        assertThat(stored.sha256()).isEqualTo(Sha256.hex(bytes));
        assertThat(signed.contentEquals(bytes)).isTrue();
        assertThat(Arrays.equals(signed.toArray(), bytes)).isTrue();
    }

    @StoreTest
    void aMessageOfExactlyOnePartsLengthStaysInItsRowAndOneByteMoreMakesTwoParts(TestDatabase db) {
        byte[] one = new byte[MessageStore.PART_BYTES];
        byte[] two = new byte[MessageStore.PART_BYTES + 1];
        new SplittableRandom(2).nextBytes(one);
        new SplittableRandom(3).nextBytes(two);
        String tx1 = tx();
        String tx2 = tx();

        InboundOutcome a = db.store().messages().recordInbound(inbound(tx1, one), receipt(tx1, PROVIDER));
        InboundOutcome b = db.store().messages().recordInbound(inbound(tx2, two), receipt(tx2, PROVIDER));

        assertThat(db.queryLong("SELECT COUNT(*) FROM message_part WHERE message_id = ?", a.messageId())).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM message_part WHERE message_id = ?", b.messageId())).isEqualTo(2);
        assertThat(db.store().messages().get(a.messageId()).orElseThrow().signedBytes()).isEqualTo(one);
        assertThat(db.store().messages().get(b.messageId()).orElseThrow().signedBytes()).isEqualTo(two);
    }

    @StoreTest
    void aLargeDuplicateGetsTheOriginalReceiptAndLeavesNoPartsOfItsOwn(TestDatabase db) {
        String tx = tx();
        byte[] bytes = large(tx, 2 * MessageStore.PART_BYTES + 5, 4);
        InboundOutcome first = db.store().messages().recordInbound(inbound(tx, bytes), receipt(tx, PROVIDER));

        InboundOutcome again = db.store().messages().recordInbound(inbound(tx, bytes), receipt(tx, PROVIDER));

        assertThat(again).isInstanceOf(InboundOutcome.Duplicate.class);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(db.count("message")).isEqualTo(1);
        assertThat(db.count("message_part")).isEqualTo(parts(bytes));
        assertThat(db.queryLong("SELECT COUNT(*) FROM message_part WHERE message_id <> ?", first.messageId())).isZero();
    }

    @StoreTest
    void aFailureAfterThePartsWereStagedLeavesNothingBehind(TestDatabase db) {
        String tooLong = "T".repeat(65); // transaction_id is VARCHAR(64): the message row cannot be written
        byte[] bytes = large(tooLong, 3 * MessageStore.PART_BYTES, 5);

        assertThatThrownBy(() -> db.store().messages().recordInbound(inbound(tooLong, bytes), receipt(tooLong, PROVIDER)))
                .isInstanceOf(StoreException.class);

        assertThat(db.count("message")).isZero();
        assertThat(db.count("message_part")).isZero();
        assertThat(db.count("receipt")).isZero();
    }

    @StoreTest
    void partsOfAMessageThatNeverCommittedAreDeletedOnceOldAndLinkedPartsNever(TestDatabase db) {
        MessageStore messages = db.store().messages();
        String tx = tx();
        byte[] kept = large(tx, 2 * MessageStore.PART_BYTES + 9, 6);
        InboundOutcome stored = messages.recordInbound(inbound(tx, kept), receipt(tx, PROVIDER));
        // A crash between staging and the message's commit: parts, no message row.
        MessageStore.Staged orphan = messages.stage(SignedBytes.of(large(tx(), 3 * MessageStore.PART_BYTES, 7)));
        assertThat(db.queryLong("SELECT COUNT(*) FROM message_part WHERE message_id = ?", orphan.messageId()))
                .isEqualTo(4);
        assertThat(messages.get(orphan.messageId())).isEmpty();

        // Young orphans stay (their message may still be on its way) ...
        String tx2 = tx();
        messages.recordInbound(inbound(tx2, large(tx2, 2 * MessageStore.PART_BYTES, 8)), receipt(tx2, PROVIDER));
        assertThat(db.queryLong("SELECT COUNT(*) FROM message_part WHERE message_id = ?", orphan.messageId()))
                .isEqualTo(4);

        // ... old ones go, at the next staging after the sweep interval; linked parts stay whatever their age.
        db.clock().advance(MessageStore.ORPHAN_AGE.plus(Duration.ofMinutes(1)));
        String tx3 = tx();
        messages.recordInbound(inbound(tx3, large(tx3, 2 * MessageStore.PART_BYTES, 9)), receipt(tx3, PROVIDER));

        assertThat(db.queryLong("SELECT COUNT(*) FROM message_part WHERE message_id = ?", orphan.messageId())).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM message_part WHERE staged_at IS NOT NULL")).isZero();
        assertThat(Arrays.equals(messages.get(stored.messageId()).orElseThrow().signedBytes(), kept)).isTrue();
        assertThat(db.count("message")).isEqualTo(3);
    }

    @StoreTest
    void aMissingOrAlteredPartIsAnErrorNotOtherBytes(TestDatabase db) {
        String tx = tx();
        byte[] bytes = large(tx, 3 * MessageStore.PART_BYTES, 10);
        InboundOutcome outcome = db.store().messages().recordInbound(inbound(tx, bytes), receipt(tx, PROVIDER));
        String tx2 = tx();
        byte[] other = large(tx2, 3 * MessageStore.PART_BYTES, 11);
        InboundOutcome second = db.store().messages().recordInbound(inbound(tx2, other), receipt(tx2, PROVIDER));

        // Same length, other bytes: the digest tells.
        db.execute("UPDATE message_part SET bytes = (SELECT p.bytes FROM message_part p WHERE p.message_id = ? AND p.seq = 1)"
                + " WHERE message_id = ? AND seq = 1", second.messageId(), outcome.messageId());
        assertThatThrownBy(() -> db.store().messages().get(outcome.messageId()))
                .isInstanceOf(StoreException.class).hasMessageContaining("digest");

        db.execute("DELETE FROM message_part WHERE message_id = ? AND seq = 1", second.messageId());
        assertThatThrownBy(() -> db.store().messages().get(second.messageId()))
                .isInstanceOf(StoreException.class).hasMessageContaining("parts");
    }

    @StoreTest
    void insideAUnitOfWorkALargeMessageGoesIntoItsRowAndARollbackTakesItAway(TestDatabase db) throws Exception {
        String tx = tx();
        byte[] bytes = large(tx, 2 * MessageStore.PART_BYTES, 12);

        assertThatThrownBy(() -> db.store().inTransaction(c -> {
            db.store().messages().recordInbound(inbound(tx, bytes), receipt(tx, PROVIDER));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(db.count("message")).isZero();
        assertThat(db.count("message_part")).isZero();

        InboundOutcome outcome = db.store().inTransaction(
                c -> db.store().messages().recordInbound(inbound(tx, bytes), receipt(tx, PROVIDER)));
        assertThat(db.count("message_part")).isZero();
        assertThat(Arrays.equals(db.store().messages().get(outcome.messageId()).orElseThrow().signedBytes(), bytes))
                .isTrue();
    }

    @StoreTest
    void aLargeOutboundMessageIsStoredInPartsAndRecordedOnce(TestDatabase db) {
        String tx = tx();
        byte[] bytes = large(tx, 2 * MessageStore.PART_BYTES + 77, 13);
        OutboundMessage m = new OutboundMessage(AGENCY, PROVIDER, tx, bytes, signer(AGENCY), PROVIDER, Lane.ROUTINE,
                "CASE-O", false);

        OutboundOutcome first = db.store().outbound().recordOutbound(m);
        OutboundOutcome again = db.store().outbound().recordOutbound(m);

        assertThat(first).isInstanceOf(OutboundOutcome.Recorded.class);
        assertThat(again).isInstanceOf(OutboundOutcome.AlreadyRecorded.class);
        assertThat(db.count("message_part")).isEqualTo(parts(bytes));
        assertThat(Arrays.equals(db.store().outbound().get(first.messageId()).orElseThrow().signedBytes(), bytes))
                .isTrue();
        assertThat(db.store().outbound().pending(10)).singleElement()
                .satisfies(r -> assertThat(Arrays.equals(r.signedBytes(), bytes)).isTrue());
    }
}
