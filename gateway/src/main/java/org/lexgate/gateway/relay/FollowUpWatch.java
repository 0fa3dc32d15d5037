package org.lexgate.gateway.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.lexgate.gateway.role.CaseBook;
import org.lexgate.gateway.role.Hi1Parts;
import org.lexgate.gateway.role.Outbox;
import org.lexgate.gateway.role.StatusReport;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.gateway.role.TaskRecord.RelayLink;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.MlaFollowUp;
import org.lexgate.message.build.Party;
import org.lexgate.message.build.RequestRef;
import org.lexgate.store.FollowUpClock;
import org.lexgate.trust.directory.PartyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled check of the follow-up clocks (Budapest Convention Art. 29(7); guidelines §35,
 * §37): a clock whose deadline is within {@code followup.warn-before} warns once. A contact
 * point's clock (a preservation it relayed for a foreign requester) sends the requester a status
 * notification of lexgate type {@code PreservationExpiring}, back the way the preservation came;
 * an agency's own clock (its preservation was confirmed) warns its case workers in the log and the
 * trail. The warning is recorded (FOLLOW_UP_WARNED) only after it is queued; its
 * TransactionIdentifier derives from the case, so a warning repeated after a crash has one effect.
 */
public final class FollowUpWatch implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpWatch.class);

    private final PartyId self;
    private final CaseBook book;
    private final Outbox outbox;
    private final Duration warnBefore;

    public FollowUpWatch(PartyId self, CaseBook book, Outbox outbox, Duration warnBefore) {
        this.self = self;
        this.book = book;
        this.outbox = outbox;
        this.warnBefore = warnBefore;
    }

    @Override
    public void run() {
        try {
            checkOnce(Instant.now());
        } catch (Exception e) {
            LOG.warn("follow-up clocks: {} (next check retries)", e.toString());
        }
    }

    /** Warns for every clock due now; returns how many warnings were given. */
    public int checkOnce(Instant now) throws Exception {
        int warned = 0;
        for (FollowUpClock clock : book.store().followUps().dueForWarning(now, warnBefore)) {
            if (clock.requester().equals(self.toString())) {
                LOG.warn("case {}: the preservation's follow-up is due by {}: send the mutual legal assistance request"
                        + " or release the preservation (§35, §37)", clock.caseRef(), clock.deadline());
            } else if (!warnRequester(clock)) {
                continue;
            }
            book.store().followUps().markWarned(clock.caseRef());
            warned++;
        }
        return warned;
    }

    /**
     * The warning's text: a status report when this node knows the provider's Status (it saw the
     * answer pass), plain words otherwise, so the requester never takes the warning for a confirmation.
     */
    private static String details(TaskRecord task, RelayLink link, FollowUpClock clock) {
        String words = "the mutual legal assistance request is due by " + clock.deadline()
                + " (Budapest Convention Art. 29(7)); send it or release the preservation";
        if (task.status() == null) {
            return "Preservation " + link.foreignObjectId() + " of case " + clock.caseRef() + ": " + words;
        }
        return new StatusReport("LPTask", link.foreignObjectId(), task.status(), task.preservedUntil(), Optional.of(words)).text();
    }

    private boolean warnRequester(FollowUpClock clock) throws Exception {
        Optional<TaskRecord> task = book.tasksOfCase(clock.caseRef()).stream()
                .filter(t -> t.isPreservation() && t.relay().isPresent()).findFirst();
        if (task.isEmpty()) {
            LOG.warn("case {}: follow-up clock without a relayed preservation; nobody to warn", clock.caseRef());
            return true;
        }
        RelayLink link = task.get().relay().get();
        Party requester = Party.of(link.foreignRequester().countryCode(), link.foreignRequester().uniqueIdentifier());
        UUID lpTask = UUID.fromString(link.foreignObjectId());
        HI1Message warning = Hi1Messages.statusNotification()
                .from(Party.of(self.countryCode(), self.uniqueIdentifier())).to(requester)
                .transactionId(Hi1Parts.stableId("follow-up-warning", self.toString(), clock.caseRef()))
                .about(lpTask)
                .relatedRequest(RequestRef.of(requester, UUID.fromString(link.foreignTransactionId())).object(lpTask)
                        .reference(clock.caseRef()))
                .type("PreservationExpiring")
                .mutualLegalAssistance(MlaFollowUp.intended().followUpDeadline(clock.deadline()))
                .details(details(task.get(), link, clock))
                .build();
        outbox.reply(warning, link.previousHop(), false, clock.caseRef());
        LOG.info("case {}: warned {} that the follow-up is due by {}", clock.caseRef(), link.foreignRequester(), clock.deadline());
        return true;
    }
}
