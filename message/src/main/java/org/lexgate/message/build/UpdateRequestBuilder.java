package org.lexgate.message.build;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.MessagePayload;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.LPTaskObject;

/**
 * UPDATE requests that change what a requester asked for (guideline §35: a preservation is
 * followed by a disclosure order, extended, or the provider is told in time that the data is no
 * longer required): extend a preservation (LPTask DesiredStatus Preserved with a new
 * DesiredPreservationExpiration), release it (LPTask DesiredStatus Cancelled), cancel a disclosure
 * task (LDTask DesiredStatus Cancelled) or an authorisation (AuthorisationDesiredStatus Cancelled).
 * The status values are those ETSI's LPTaskDesiredStatus, LDTaskDesiredStatus and
 * AuthorisationDesiredStatus dictionaries define.
 *
 * <p>An optional {@link #reason} adds a NotificationObject saying why (lexgate NotificationType
 * PreservationNoLongerRequired for a release, ETSI General otherwise).
 */
public final class UpdateRequestBuilder extends MessageBuilder<UpdateRequestBuilder> {

    private final List<Function<Instant, ActionRequest>> updates = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private String reason;
    private boolean release;
    private RequestRef relatedRequest;
    private String notificationId = Ids.fresh();

    UpdateRequestBuilder() {
    }

    /** §35 keeps the data preserved until {@code newExpiry} (UPDATE LPTaskObject). */
    public UpdateRequestBuilder extendPreservation(UUID lpTask, Instant newExpiry) {
        String id = target(lpTask, "extendPreservation lpTask");
        Require.arg(newExpiry, "extendPreservation newExpiry");
        updates.add(now -> {
            if (!newExpiry.isAfter(now)) {
                throw new IllegalStateException("extendPreservation newExpiry (" + newExpiry + ") must be after " + now);
            }
            LPTaskObject task = new LPTaskObject();
            task.setObjectIdentifier(id);
            task.setDesiredStatus(Entries.etsi("LPTaskDesiredStatus", "Preserved"));
            task.setDesiredPreservationExpiration(Times.qualified(newExpiry));
            return Payloads.update(task);
        });
        return this;
    }

    /** §35, §37 the preserved data is no longer required (UPDATE LPTaskObject, DesiredStatus Cancelled). */
    public UpdateRequestBuilder releasePreservation(UUID lpTask) {
        String id = target(lpTask, "releasePreservation lpTask");
        release = true;
        updates.add(now -> {
            LPTaskObject task = new LPTaskObject();
            task.setObjectIdentifier(id);
            task.setDesiredStatus(Entries.etsi("LPTaskDesiredStatus", "Cancelled"));
            return Payloads.update(task);
        });
        return this;
    }

    /** Withdraws a disclosure request (UPDATE LDTaskObject, DesiredStatus Cancelled). */
    public UpdateRequestBuilder cancelDisclosure(UUID ldTask) {
        String id = target(ldTask, "cancelDisclosure ldTask");
        updates.add(now -> {
            LDTaskObject task = new LDTaskObject();
            task.setObjectIdentifier(id);
            task.setDesiredStatus(Entries.etsi("LDTaskDesiredStatus", "Cancelled"));
            return Payloads.update(task);
        });
        return this;
    }

    /** Withdraws the authorisation itself (UPDATE AuthorisationObject, AuthorisationDesiredStatus Cancelled). */
    public UpdateRequestBuilder cancelAuthorisation(UUID authorisation) {
        String id = target(authorisation, "cancelAuthorisation authorisation");
        updates.add(now -> {
            AuthorisationObject auth = new AuthorisationObject();
            auth.setObjectIdentifier(id);
            auth.setAuthorisationDesiredStatus(Entries.etsi("AuthorisationDesiredStatus", "Cancelled"));
            return Payloads.update(auth);
        });
        return this;
    }

    /** Why; adds a NotificationObject about the updated objects. */
    public UpdateRequestBuilder reason(String value) {
        this.reason = Require.text(value, "reason");
        return this;
    }

    /** The original request, written in the reason's lexgate:NotificationParameters/RelatedRequest. */
    public UpdateRequestBuilder relatedRequest(RequestRef value) {
        this.relatedRequest = Require.arg(value, "relatedRequest");
        return this;
    }

    public UpdateRequestBuilder notificationId(UUID value) {
        this.notificationId = Ids.of(Require.arg(value, "notificationId"));
        return this;
    }

    @Override
    MessagePayload payload(Instant now) {
        Require.set(updates, "an update: extendPreservation, releasePreservation, cancelDisclosure or cancelAuthorisation");
        List<ActionRequest> actions = new ArrayList<>();
        updates.forEach(u -> actions.add(u.apply(now)));
        if (reason != null) {
            String type = release ? "PreservationNoLongerRequired" : null;
            actions.add(Payloads.create(NotificationBuilder.notification(notificationId, sender(), now, reason,
                    type == null ? Entries.etsi("NotificationType", "General") : Entries.lexgate("NotificationType", type),
                    relatedRequest, null, null, null, targets.toArray(String[]::new))));
        }
        return Payloads.requests(actions);
    }

    private String target(UUID id, String field) {
        String s = Ids.of(Require.arg(id, field));
        targets.add(s);
        return s;
    }
}
