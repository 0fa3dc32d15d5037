package org.lexgate.message.build;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lexgate.hi1.common.DictionaryEntry;
import org.lexgate.hi1.core.MessagePayload;
import org.lexgate.hi1.lexgate.NotificationParameters;
import org.lexgate.hi1.lexgate.Refusal;
import org.lexgate.hi1.notification.NotificationObject;

/**
 * A notification (CREATE NotificationObject) about one or more objects of an earlier request: a
 * status change, a refusal (§57), a cost claim (§16), an MLA follow-up (§37). The lexgate part
 * ({@code lexgate:NotificationParameters}) names the request by sender and TransactionIdentifier.
 *
 * <p>Status notification ({@link Hi1Messages#statusNotification()}): required {@link #about},
 * {@link #details}; type ETSI {@code General} unless {@link #type} names a lexgate NotificationType.
 *
 * <p>Refusal ({@link Hi1Messages#refusal()}): required {@link #about}, {@link #relatedRequest} and
 * {@link #refusal} (a lexgate RefusalReason and an explanation, §57); type lexgate {@code Refusal}.
 */
public final class NotificationBuilder extends MessageBuilder<NotificationBuilder> {

    private final boolean refusalMode;
    private String notificationId = Ids.fresh();
    private final List<String> about = new ArrayList<>();
    private String details;
    private DictionaryEntry type;
    private RequestRef relatedRequest;
    private RefusalReason refusalReason;
    private String explanation;
    private Boolean partial;
    private Costs costs;
    private MlaFollowUp mla;

    NotificationBuilder(boolean refusalMode) {
        this.refusalMode = refusalMode;
    }

    public NotificationBuilder notificationId(UUID value) {
        this.notificationId = Ids.of(Require.arg(value, "notificationId"));
        return this;
    }

    /** The object(s) this notification is about, e.g. the LDTask (AssociatedObjects). */
    public NotificationBuilder about(UUID objectIdentifier) {
        about.add(Ids.of(Require.arg(objectIdentifier, "about")));
        return this;
    }

    /** The text of the notification (NotificationDetails). */
    public NotificationBuilder details(String value) {
        this.details = Require.text(value, "details");
        return this;
    }

    /** A lexgate NotificationType: PreservationExpiring, MLAFollowUpDue, MLASubmitted, CostClaim, Forwarded... */
    public NotificationBuilder type(String lexgateNotificationType) {
        this.type = Entries.lexgate("NotificationType", lexgateNotificationType);
        return this;
    }

    /** The request this notification answers (lexgate RelatedRequest). */
    public NotificationBuilder relatedRequest(RequestRef value) {
        this.relatedRequest = Require.arg(value, "relatedRequest");
        return this;
    }

    /** §57 why the request is refused or the data not provided. */
    public NotificationBuilder refusal(RefusalReason reason, String explanationSafeForThePeer) {
        this.refusalReason = Require.arg(reason, "refusal reason");
        this.explanation = Require.text(explanationSafeForThePeer, "refusal explanation (§57)");
        return this;
    }

    /** Only part of the request is refused (lexgate Refusal/Partial). */
    public NotificationBuilder partial(boolean value) {
        this.partial = value;
        return this;
    }

    /** §16 the provider's costs. */
    public NotificationBuilder costs(Costs value) {
        this.costs = Require.arg(value, "costs");
        return this;
    }

    /** §37 the mutual-legal-assistance follow-up. */
    public NotificationBuilder mutualLegalAssistance(MlaFollowUp value) {
        this.mla = Require.arg(value, "mutualLegalAssistance");
        return this;
    }

    @Override
    MessagePayload payload(Instant now) {
        Require.set(about, "about(objectIdentifier) (the object the notification concerns)");
        Refusal refusal = null;
        DictionaryEntry t = type;
        String text = details;
        if (refusalMode) {
            Require.set(refusalReason, "refusal(reason, explanation) (§57: explanation for information not provided)");
            Require.set(relatedRequest, "relatedRequest(RequestRef) (§57: the request that is refused)");
            refusal = new Refusal();
            refusal.setReason(Entries.lexgate("RefusalReason", refusalReason.value()));
            refusal.setExplanation(explanation);
            refusal.setPartial(partial);
            refusal.setRefusedAt(Times.qualified(now));
            t = Entries.lexgate("NotificationType", "Refusal");
            text = text != null ? text : explanation;
        } else {
            if (refusalReason != null) {
                throw new IllegalStateException("refusal(..) belongs in Hi1Messages.refusal(), not a status notification");
            }
            Require.set(text, "details(..) (the status or event being notified)");
        }
        return Payloads.requests(List.of(Payloads.create(notification(notificationId, sender(), now, text,
                t != null ? t : Entries.etsi("NotificationType", "General"), relatedRequest, refusal, costs, mla,
                about.toArray(String[]::new)))));
    }

    static NotificationObject notification(String id, Party owner, Instant now, String details, DictionaryEntry type,
                                           RequestRef related, Refusal refusal, Costs costs, MlaFollowUp mla,
                                           String... about) {
        NotificationObject n = Payloads.owned(new NotificationObject(), id, owner, about);
        n.setNotificationDetails(details);
        n.setNotificationType(type);
        n.setNewNotification(Boolean.TRUE);
        n.setNotificationTimestamp(Times.qualified(now));
        if (related != null || refusal != null || costs != null || mla != null) {
            NotificationParameters p = new NotificationParameters();
            p.setCountryCode(owner.countryCode());
            p.setRelatedRequest(related == null ? null : related.toXml());
            p.setRefusal(refusal);
            p.setCostReimbursement(costs == null ? null : costs.toXml());
            p.setMutualLegalAssistance(mla == null ? null : mla.toXml());
            n.setNationalNotificationParameters(p);
        }
        return n;
    }
}
