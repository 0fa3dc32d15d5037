package org.lexgate.gateway.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lexgate.adapters.Adapter;
import org.lexgate.adapters.PreservationConfirmed;
import org.lexgate.adapters.ReceivedAnswer;
import org.lexgate.adapters.RequestKind;
import org.lexgate.gateway.role.CaseBook;
import org.lexgate.gateway.role.Outbox;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.directory.PartyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider role, outbound side (issue 4 item 8, guidelines §53, §57): polls the back end's
 * answers and turns each into the standard response, sends it to the requester back the way the
 * request came, sets the task's Status (Disclosed, DisclosureNotAvailable, Preserved, Rejected),
 * and only then acknowledges the answer. An answer seen again after a crash produces the same
 * TransactionIdentifier, so it is never answered twice; an answer that does not fit its task is
 * rejected back to the provider's staff with the reason.
 *
 * <p>An answer for a task the node does not know is rejected only once it has stayed unknown for
 * {@link #UNKNOWN_TASK_GRACE}: the back end sees a request as soon as the adapter has delivered it,
 * which is before the handling that delivered it commits the task, and a fast back end can answer
 * within that moment.
 */
public final class AnswerPoller implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerPoller.class);
    private static final Set<String> FINAL = Set.of("Disclosed", "DisclosureNotAvailable", "PreservationNotAvailable",
            "Rejected", "Cancelled", "Expired", "Error", "Invalid");

    /** How long an answer for an unknown task waits for the task's handling to commit before it is rejected. */
    static final Duration UNKNOWN_TASK_GRACE = Duration.ofSeconds(30);

    private final PartyId self;
    private final CaseBook book;
    private final Outbox outbox;
    private final Adapter adapter;
    private final InstantSource clock;
    /** Answers whose task was unknown when polled: when each was first seen. Only the poller's thread uses it. */
    private final Map<String, Instant> unknownSince = new HashMap<>();

    public AnswerPoller(PartyId self, CaseBook book, Outbox outbox, Adapter adapter) {
        this(self, book, outbox, adapter, Clock.systemUTC());
    }

    AnswerPoller(PartyId self, CaseBook book, Outbox outbox, Adapter adapter, InstantSource clock) {
        this.self = self;
        this.book = book;
        this.outbox = outbox;
        this.adapter = adapter;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            pollOnce();
        } catch (Exception e) {
            LOG.warn("answers from {}: {} (next poll retries)", adapter.name(), e.toString());
        }
    }

    /** Handles the answers pending now; returns how many were answered. */
    public int pollOnce() throws Exception {
        int answered = 0;
        List<ReceivedAnswer> pending = adapter.answers().poll(20);
        unknownSince.keySet().retainAll(pending.stream().map(AnswerPoller::key).toList());
        for (ReceivedAnswer answer : pending) {
            if (handle(answer)) {
                answered++;
            }
        }
        return answered;
    }

    private boolean handle(ReceivedAnswer received) throws Exception {
        Optional<TaskRecord> found = book.task(received.task().value());
        if (found.isEmpty()) {
            Instant now = clock.instant();
            Instant since = unknownSince.computeIfAbsent(key(received), k -> now);
            if (Duration.between(since, now).compareTo(UNKNOWN_TASK_GRACE) < 0) {
                LOG.debug("answer {} names task {}, not known yet: waiting for its handling to commit", received.origin(),
                        received.task());
                return false;
            }
            unknownSince.remove(key(received));
            adapter.answers().reject(received, "no request for task " + received.task() + " is known to this node");
            return false;
        }
        unknownSince.remove(key(received));
        TaskRecord task = found.get();
        RequestKind pending = pendingKind(task);
        if (!pending.accepts(received.answer())) {
            adapter.answers().reject(received, "a " + received.answer().getClass().getSimpleName()
                    + " does not answer a " + pending.slug() + " request (task " + task.objectId() + ")");
            return false;
        }
        String after = StandardResponses.statusAfter(received.answer(), task);
        if (task.status() != null && FINAL.contains(task.status())) {
            if (!task.status().equals(after)) {
                adapter.answers().reject(received, "task " + task.objectId() + " is already " + task.status());
                return false;
            }
            adapter.answers().acknowledge(received); // answered before a crash, acknowledged only now
            return false;
        }
        HI1Message response;
        try {
            response = StandardResponses.build(self, task, received.id(), received.answer());
        } catch (MessageRejectedException | IllegalArgumentException | IllegalStateException e) {
            adapter.answers().reject(received, "cannot be sent as an ETSI response: " + e.getMessage());
            return false;
        }
        outbox.reply(response, task.replyVia(), task.emergency(), task.caseRef());
        Instant until = received.answer() instanceof PreservationConfirmed p ? p.preservedUntil() : null;
        book.changeStatus(task.objectId(), null, after, until, self);
        adapter.answers().acknowledge(received);
        LOG.info("answered {} {} of case {} to {}: {} ({})", task.objectType(), task.objectId(), task.caseRef(),
                task.requester(), after, received.origin());
        return true;
    }

    private static RequestKind pendingKind(TaskRecord task) {
        if (!task.isPreservation()) {
            return RequestKind.DISCLOSURE;
        }
        return "Preserved".equals(task.status()) ? RequestKind.PRESERVATION_EXTENSION : RequestKind.PRESERVATION;
    }

    private static String key(ReceivedAnswer answer) {
        return answer.id() + " " + answer.origin();
    }
}
