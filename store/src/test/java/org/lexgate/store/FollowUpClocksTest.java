package org.lexgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.store.Fixtures.AGENCY;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Budapest Convention Art. 29(7) follow-up clocks (issue 4, item 7). */
class FollowUpClocksTest {

    @StoreTest
    void aClockRunsAtLeastSixtyDaysAndARepeatedStartKeepsIt(TestDatabase db) {
        FollowUpClocks clocks = db.store().followUps();
        Instant now = db.clock().peek();

        FollowUpClock clock = clocks.start("CASE-P1", AGENCY, UUID.randomUUID(), now.plus(Duration.ofDays(10)));
        FollowUpClock again = clocks.start("CASE-P1", "XB-CP", null, now.plus(Duration.ofDays(300)));

        assertThat(Duration.between(clock.startedAt(), clock.deadline())).isEqualTo(Duration.ofDays(60));
        assertThat(again).isEqualTo(clock);
        assertThat(clocks.get("CASE-P1")).contains(clock);
        FollowUpClock longer = clocks.start("CASE-P2", AGENCY, null, now.plus(Duration.ofDays(90)));
        assertThat(longer.deadline()).isEqualTo(now.plus(Duration.ofDays(90)));
        assertThat(db.store().audit().trail("CASE-P1")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.FOLLOW_UP_STARTED);
    }

    @StoreTest
    void aClockIsDueForOneWarningBeforeItRunsOut(TestDatabase db) {
        FollowUpClocks clocks = db.store().followUps();
        Instant start = db.clock().peek();
        clocks.start("CASE-P3", AGENCY, null, null);
        clocks.start("CASE-P4", AGENCY, null, start.plus(Duration.ofDays(80)));
        Duration warnBefore = Duration.ofDays(7);

        assertThat(clocks.dueForWarning(start.plus(Duration.ofDays(52)), warnBefore)).isEmpty();
        assertThat(clocks.dueForWarning(start.plus(Duration.ofDays(54)), warnBefore))
                .extracting(FollowUpClock::caseRef).containsExactly("CASE-P3");
        assertThat(clocks.dueForWarning(start.plus(Duration.ofDays(100)), warnBefore))
                .extracting(FollowUpClock::caseRef).containsExactly("CASE-P3", "CASE-P4");

        assertThat(clocks.markWarned("CASE-P3")).isTrue();
        assertThat(clocks.markWarned("CASE-P3")).isFalse();
        assertThat(clocks.get("CASE-P3").orElseThrow().warnedAt()).isNotNull();
        assertThat(clocks.dueForWarning(start.plus(Duration.ofDays(100)), warnBefore))
                .extracting(FollowUpClock::caseRef).containsExactly("CASE-P4");
        assertThat(db.store().audit().trail("CASE-P3")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.FOLLOW_UP_STARTED, AuditEventType.FOLLOW_UP_WARNED);
    }

    @StoreTest
    void theMutualLegalAssistanceRequestStopsTheClock(TestDatabase db) {
        FollowUpClocks clocks = db.store().followUps();
        Instant start = db.clock().peek();
        clocks.start("CASE-P5", AGENCY, null, null);

        assertThat(clocks.stop("CASE-P5", FollowUpStopReason.MLA_REQUEST_RECEIVED, "MLA 2026/123")).isTrue();
        assertThat(clocks.stop("CASE-P5", FollowUpStopReason.PRESERVATION_RELEASED, null)).isFalse();
        assertThat(clocks.stop("CASE-NONE", FollowUpStopReason.PRESERVATION_RELEASED, null)).isFalse();
        assertThat(clocks.markWarned("CASE-P5")).isFalse();

        FollowUpClock stopped = clocks.get("CASE-P5").orElseThrow();
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.stopReason()).isEqualTo(FollowUpStopReason.MLA_REQUEST_RECEIVED);
        assertThat(stopped.stopDetail()).isEqualTo("MLA 2026/123");
        assertThat(clocks.dueForWarning(start.plus(Duration.ofDays(365)), Duration.ofDays(7))).isEmpty();
        assertThat(db.store().audit().trail("CASE-P5")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.FOLLOW_UP_STARTED, AuditEventType.FOLLOW_UP_STOPPED);
    }
}
