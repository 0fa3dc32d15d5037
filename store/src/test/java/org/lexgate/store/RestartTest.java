package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.store.Fixtures.AGENCY;
import static org.lexgate.store.Fixtures.PROVIDER;
import static org.lexgate.store.Fixtures.inbound;
import static org.lexgate.store.Fixtures.outbound;
import static org.lexgate.store.Fixtures.receipt;
import static org.lexgate.store.Fixtures.tx;

import java.util.UUID;

/** A restarted node finds everything it recorded (on H2: the file database closed and opened again). */
class RestartTest {

    @StoreTest
    void everythingRecordedIsThereAfterCloseAndReopen(TestDatabase db) {
        Store before = db.store();
        String inTx = tx();
        InboundOutcome in = before.messages().recordInbound(inbound(AGENCY, inTx, "CASE-R"), receipt(inTx, PROVIDER));
        UUID out = before.outbound().recordOutbound(outbound(tx(), PROVIDER, Lane.EMERGENCY, "CASE-R")).messageId();
        UUID dead = before.outbound().recordOutbound(outbound(tx(), PROVIDER, Lane.ROUTINE, "CASE-R")).messageId();
        before.outbound().markDeadLettered(dead, "destination refused", 9302);
        UUID object = UUID.randomUUID();
        before.objects().upsert(new ObjectVersion(object, Hi1ObjectType.LP_TASK, "CASE-R", AGENCY, "XA", null,
                "Preserved", null, "<HI1Object/>", null, null, AGENCY));
        before.followUps().start("CASE-R", AGENCY, in.messageId(), null);
        int eventsBefore = before.audit().trail("CASE-R").size();

        Store after = db.reopen();

        assertThat(after.messages().recordInbound(inbound(AGENCY, inTx, "CASE-R"), receipt(inTx, PROVIDER)))
                .isInstanceOfSatisfying(InboundOutcome.Duplicate.class, d -> assertThat(d.receipt().signedBytes())
                        .isEqualTo(in.receipt().signedBytes()));
        assertThat(after.outbound().pending(10)).extracting(OutboundRecord::messageId).containsExactly(out);
        assertThat(after.outbound().deadLetters()).extracting(DeadLetter::messageId).containsExactly(dead);
        assertThat(after.objects().get(object).orElseThrow().desiredStatus()).isEqualTo("Preserved");
        assertThat(after.followUps().get("CASE-R").orElseThrow().running()).isTrue();
        assertThat(after.audit().trail("CASE-R")).hasSize(eventsBefore + 1);
        assertThat(after.audit().firstBrokenLink()).isEmpty();
    }
}
