package org.lexgate.gateway.role;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lexgate.adapters.Adapter;
import org.lexgate.gateway.agency.AgencyDesk;
import org.lexgate.gateway.provider.AnswerPoller;
import org.lexgate.gateway.provider.ProviderDesk;
import org.lexgate.gateway.relay.AnswerRelay;
import org.lexgate.gateway.relay.ContactPointRelay;
import org.lexgate.gateway.relay.FollowUpWatch;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.NotificationBuilder;
import org.lexgate.message.build.Party;
import org.lexgate.message.build.RefusalReason;
import org.lexgate.message.build.RequestRef;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.directory.PartyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches each accepted message to the role that acts on it:
 * <ol>
 *   <li>not addressed to this node: a contact point relays it (requests and updates toward the
 *       provider by the routing table, answers back the way the request came); any other node
 *       refuses it (3007);</li>
 *   <li>a new request or an update addressed to this node: the provider role;</li>
 *   <li>an answer (delivery, notification, document) about a task this contact point gave effect
 *       to: relayed to the foreign requester;</li>
 *   <li>any other answer: recorded by the agency role against its case;</li>
 *   <li>GET, LIST, GETCSPCONFIG and responses: nothing here (the node core answers them).</li>
 * </ol>
 * Also runs the provider's answer poller and the follow-up clock check in the background.
 */
public final class RoleDispatcher implements RoleHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RoleDispatcher.class);

    private final PartyId self;
    private final ProviderDesk provider;
    private final AnswerPoller poller;
    private final AgencyDesk agency;
    private final ContactPointRelay relay;
    private final AnswerRelay answers;
    private final FollowUpWatch followUps;
    private final Adapter adapter;
    private final CaseBook book;
    private final Outbox outbox;
    private final ScheduledExecutorService scheduler;

    RoleDispatcher(PartyId self, CaseBook book, Outbox outbox, ProviderDesk provider, AnswerPoller poller, AgencyDesk agency,
            ContactPointRelay relay, AnswerRelay answers, FollowUpWatch followUps, Adapter adapter) {
        this.self = self;
        this.book = book;
        this.outbox = outbox;
        this.provider = provider;
        this.poller = poller;
        this.agency = agency;
        this.relay = relay;
        this.answers = answers;
        this.followUps = followUps;
        this.adapter = adapter;
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "lexgate-roles-" + self);
            t.setDaemon(true);
            return t;
        });
    }

    void start(RoleSettings settings) {
        if (poller != null) {
            long ms = Math.max(50, adapter.answers().pollInterval().toMillis());
            scheduler.scheduleWithFixedDelay(poller, ms, ms, TimeUnit.MILLISECONDS);
        }
        if (followUps != null) {
            long ms = Math.max(50, settings.checkInterval().toMillis());
            scheduler.scheduleWithFixedDelay(followUps, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Handles one accepted message as one transaction of the store: every record the roles keep
     * about it (tasks, objects, clocks, audit events) and the mark that it was handled commit
     * together, once; the messages it sends are recorded and queued before that commit
     * ({@link Outbox}). A message handled before (by a commit) is not handled again.
     */
    @Override
    public void handle(AcceptedInbound in) throws Exception {
        Hi1View view = new Hi1View(in.message());
        if (!actsOn(in, view)) {
            dispatch(in, view);
            return;
        }
        try {
            book.inTransaction(c -> {
                if (book.markHandled(in.messageId())) {
                    dispatch(in, view);
                } else {
                    LOG.info("{} {} from {} (message {}) was handled before: not again", view.kind(), in.transactionId(),
                            in.sender(), in.messageId());
                }
                return null;
            });
        } catch (MessageRejectedException e) {
            explainRefusal(in, view, e);
            throw e;
        }
    }

    /** Whether the roles change anything for this message (GET, LIST, responses: nothing to record). */
    private boolean actsOn(AcceptedInbound in, Hi1View view) {
        return !in.receiver().equals(self) || switch (view.kind()) {
            case TASK_REQUEST, TASK_UPDATE, DELIVERY, NOTIFICATION, DOCUMENT -> true;
            default -> false;
        };
    }

    /**
     * Rule (§57): a request or update this node accepted but cannot act on is refused back to its
     * sender with the reason's code and safe text (the detail stays in the log), the way the request
     * came. Answers are never answered with a refusal, so two nodes cannot ping-pong. The refusal's
     * TransactionIdentifier derives from the refused message, so a retry sends it once.
     */
    private void explainRefusal(AcceptedInbound in, Hi1View view, MessageRejectedException e) throws Exception {
        Hi1View.Kind kind = view.kind();
        List<org.lexgate.hi1.core.HI1Object> objects = switch (kind) {
            case TASK_REQUEST -> view.createdTasks();
            case TASK_UPDATE -> view.updated();
            default -> List.of();
        };
        if (objects.isEmpty()) {
            return;
        }
        Party to = Party.of(in.sender().countryCode(), in.sender().uniqueIdentifier());
        NotificationBuilder refusal = Hi1Messages.refusal()
                .from(Party.of(self.countryCode(), self.uniqueIdentifier()))
                .to(to)
                .transactionId(Hi1Parts.stableId("refused", in.messageId()))
                .relatedRequest(RequestRef.to(in.message()))
                .details(e.toPeerLine())
                .refusal(RefusalReason.OTHER, e.safeText());
        objects.forEach(o -> refusal.about(java.util.UUID.fromString(o.getObjectIdentifier())));
        PartyId via = in.hopNeighbour() == null ? in.sender() : parseOr(in.hopNeighbour(), in.sender());
        outbox.reply(refusal.build(), via, in.emergency(), view.caseReference().orElse(null));
        LOG.info("{} {} from {} refused back to its sender: {}", kind, in.transactionId(), in.sender(), e.toPeerLine());
    }

    private static PartyId parseOr(String text, PartyId fallback) {
        try {
            return PartyId.parse(text);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private void dispatch(AcceptedInbound in, Hi1View view) throws Exception {
        Hi1View.Kind kind = view.kind();
        if (!in.receiver().equals(self)) {
            if (relay == null) {
                throw new MessageRejectedException(ErrorCode.WRONG_RECEIVER, "addressed to " + in.receiver()
                        + "; " + self + " relays nothing (not a contact point)");
            }
            switch (kind) {
                case TASK_REQUEST -> relay.relayRequest(in, view);
                case TASK_UPDATE -> relay.relayUpdate(in, view);
                case DELIVERY, NOTIFICATION, DOCUMENT -> answers.relayBack(in, view);
                default -> throw new MessageRejectedException(ErrorCode.WRONG_RECEIVER, "a " + kind
                        + " for " + in.receiver() + " is not relayed");
            }
            return;
        }
        switch (kind) {
            case TASK_REQUEST -> requireProvider(kind).onRequest(in, view);
            case TASK_UPDATE -> requireProvider(kind).onUpdate(in, view);
            case DELIVERY, NOTIFICATION, DOCUMENT -> onAnswer(in, view);
            default -> LOG.debug("{} {} from {}: nothing for the roles", kind, in.transactionId(), in.sender());
        }
    }

    private void onAnswer(AcceptedInbound in, Hi1View view) throws Exception {
        if (answers != null) {
            answers.noteMlaReference(view);
            var relayed = answers.relayedTask(view);
            if (relayed.isPresent() && relayed.get().relay().get().givesEffect()) {
                answers.answerForeign(in, view, relayed.get());
                return;
            }
        }
        if (agency != null) {
            agency.onAnswer(in, view);
        } else {
            LOG.info("{} from {} about {}: recorded only (this node issues no requests)", view.kind(), in.sender(),
                    view.referencedObjects());
        }
    }

    private ProviderDesk requireProvider(Hi1View.Kind kind) throws MessageRejectedException {
        if (provider == null) {
            throw new MessageRejectedException(ErrorCode.INVALID_ACTION, "a " + kind + " addressed to " + self
                    + ", which is not a provider");
        }
        return provider;
    }

    /** The agency desk (for `lexgate demo`, tests and tools that issue requests), or null. */
    public AgencyDesk agency() {
        return agency;
    }

    /** The node's record of cases and tasks. */
    public CaseBook book() {
        return book;
    }

    /** The provider's answer poller, or null. */
    public AnswerPoller answerPoller() {
        return poller;
    }

    /** The follow-up clock check, or null. */
    public FollowUpWatch followUpWatch() {
        return followUps;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (adapter != null) {
            adapter.stop();
        }
    }

    static List<String> describe(RoleDispatcher d) {
        List<String> parts = new ArrayList<>();
        if (d.provider != null) {
            parts.add("provider");
        }
        if (d.relay != null) {
            parts.add("contact-point");
        }
        if (d.agency != null) {
            parts.add("agency");
        }
        return parts;
    }
}
