package org.lexgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Follow-up clocks (Budapest Convention Art. 29(7); guidelines §35, §37; issue 4, item 7): a
 * preservation received through the 24/7 network starts one; the requester is warned before it
 * runs out; the mutual-legal-assistance request or a release stops it.
 */
public final class FollowUpClocks {

    /** Art. 29(7): a preservation holds for a period of not less than sixty days. */
    public static final Duration MINIMUM = Duration.ofDays(60);

    private static final String COLUMNS = "case_ref, requester_id, message_id, started_at, deadline, warned_at,"
            + " stopped_at, stop_reason, stop_detail";

    private final Jdbc jdbc;
    private final AuditTrail audit;

    FollowUpClocks(Jdbc jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Starts the clock of a case now, with FOLLOW_UP_STARTED in the trail. {@code deadline} may be
     * {@code null} (60 days) and is never less than 60 days away. A clock already started for the
     * case is returned unchanged (a repeated preservation does not restart it).
     */
    public FollowUpClock start(String caseRef, String requester, UUID preservationMessageId, Instant deadline) {
        Jdbc.requireText(caseRef, "caseRef");
        Jdbc.requireText(requester, "requester");
        try {
            return jdbc.inTransaction("start follow-up clock", c -> {
                Optional<FollowUpClock> existing = read(c, caseRef, false);
                if (existing.isPresent()) {
                    return existing.get();
                }
                Instant now = jdbc.now();
                Instant minimum = now.plus(MINIMUM);
                Instant due = (deadline == null || deadline.isBefore(minimum) ? minimum : deadline)
                        .truncatedTo(ChronoUnit.MICROS);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO follow_up_clock (case_ref, requester_id,"
                        + " message_id, started_at, deadline) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, caseRef);
                    ps.setString(2, requester);
                    ps.setObject(3, preservationMessageId);
                    ps.setObject(4, Jdbc.ts(now));
                    ps.setObject(5, Jdbc.ts(due));
                    ps.executeUpdate();
                }
                audit.appendOnCommit(AuditEntry.of(AuditEventType.FOLLOW_UP_STARTED, caseRef)
                        .withParty(requester)
                        .withMessage(preservationMessageId, null)
                        .withDetail("mutual legal assistance request due by " + due));
                return new FollowUpClock(caseRef, requester, preservationMessageId, now, due, null, null, null, null);
            });
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            return get(caseRef).orElseThrow(() -> e);
        }
    }

    /** Running clocks not yet warned whose deadline is within {@code warnBefore} of {@code now}, earliest first. */
    public List<FollowUpClock> dueForWarning(Instant now, Duration warnBefore) {
        Objects.requireNonNull(now, "now");
        return jdbc.inTransaction("follow-up clocks due", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM follow_up_clock"
                    + " WHERE stopped_at IS NULL AND warned_at IS NULL AND deadline <= ? ORDER BY deadline, case_ref")) {
                ps.setObject(1, Jdbc.ts(now.plus(warnBefore)));
                List<FollowUpClock> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(clock(rs));
                    }
                }
                return list;
            }
        });
    }

    /**
     * Records that the requester was warned (FOLLOW_UP_WARNED in the trail). Returns {@code false}
     * (and changes nothing) when the clock was already warned or stopped.
     */
    public boolean markWarned(String caseRef) {
        return jdbc.inTransaction("mark follow-up warned", c -> {
            Optional<FollowUpClock> clock = read(c, caseRef, true);
            if (clock.isEmpty() || clock.get().warnedAt() != null || !clock.get().running()) {
                return false;
            }
            update(c, "UPDATE follow_up_clock SET warned_at = ? WHERE case_ref = ?", caseRef);
            audit.appendOnCommit(AuditEntry.of(AuditEventType.FOLLOW_UP_WARNED, caseRef)
                    .withParty(clock.get().requester())
                    .withDetail("mutual legal assistance request due by " + clock.get().deadline()));
            return true;
        });
    }

    /**
     * Stops a running clock (FOLLOW_UP_STOPPED in the trail). Returns {@code false} (and changes
     * nothing) when there is no running clock for the case.
     */
    public boolean stop(String caseRef, FollowUpStopReason reason, String detail) {
        Objects.requireNonNull(reason, "reason");
        return jdbc.inTransaction("stop follow-up clock", c -> {
            Optional<FollowUpClock> clock = read(c, caseRef, true);
            if (clock.isEmpty() || !clock.get().running()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE follow_up_clock SET stopped_at = ?,"
                    + " stop_reason = ?, stop_detail = ? WHERE case_ref = ?")) {
                ps.setObject(1, Jdbc.ts(jdbc.now()));
                ps.setString(2, reason.name());
                ps.setString(3, Jdbc.fit(detail, 2000));
                ps.setString(4, caseRef);
                ps.executeUpdate();
            }
            audit.appendOnCommit(AuditEntry.of(AuditEventType.FOLLOW_UP_STOPPED, caseRef)
                    .withParty(clock.get().requester())
                    .withDetail(reason + (detail == null ? "" : ": " + detail)));
            return true;
        });
    }

    /** The clock of a case, running or stopped. */
    public Optional<FollowUpClock> get(String caseRef) {
        return jdbc.inTransaction("get follow-up clock", c -> read(c, caseRef, false));
    }

    private void update(Connection c, String sql, String caseRef) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Jdbc.ts(jdbc.now()));
            ps.setString(2, caseRef);
            ps.executeUpdate();
        }
    }

    private static Optional<FollowUpClock> read(Connection c, String caseRef, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM follow_up_clock WHERE case_ref = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, caseRef);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(clock(rs)) : Optional.empty();
            }
        }
    }

    private static FollowUpClock clock(ResultSet rs) throws SQLException {
        String reason = rs.getString("stop_reason");
        return new FollowUpClock(rs.getString("case_ref"), rs.getString("requester_id"), Jdbc.uuid(rs, "message_id"),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "deadline"), Jdbc.instant(rs, "warned_at"),
                Jdbc.instant(rs, "stopped_at"), reason == null ? null : FollowUpStopReason.valueOf(reason),
                rs.getString("stop_detail"));
    }
}
