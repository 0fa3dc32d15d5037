package org.lexgate.gateway.role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.datatype.XMLGregorianCalendar;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.common.DictionaryEntry;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.EndpointID;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.delivery.DeliveryObject;
import org.lexgate.hi1.document.DocumentObject;
import org.lexgate.hi1.lexgate.AuthorisationParameters;
import org.lexgate.hi1.lexgate.CrossBorderHandling;
import org.lexgate.hi1.lexgate.NotificationParameters;
import org.lexgate.hi1.lexgate.Refusal;
import org.lexgate.hi1.lexgate.RequestReference;
import org.lexgate.hi1.notification.NotificationObject;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.LPTaskObject;
import org.lexgate.trust.directory.PartyId;

/**
 * A read-only look at a typed HI-1 message: what it is (a new request, an update, a delivery, a
 * notification, a document), the case and tasks it is about, and its legal basis. The role
 * handlers decide on this view, never on raw JAXB navigation spread over their code.
 */
public final class Hi1View {

    /** What a message does, from the role handlers' point of view. */
    public enum Kind {
        /** CREATE AuthorisationObject + CREATE LDTaskObject/LPTaskObject: a new disclosure or preservation request. */
        TASK_REQUEST,
        /** UPDATE of a task or authorisation: extension, release, cancellation. */
        TASK_UPDATE,
        /** DELIVER DeliveryObject: the answer's data. */
        DELIVERY,
        /** CREATE NotificationObject (status, refusal), possibly with attached documents. */
        NOTIFICATION,
        /** CREATE DocumentObject only: an attached document (e.g. a provider's signed answer relayed). */
        DOCUMENT,
        /** GET, LIST, GETCSPCONFIG, or a response payload: answered by the node core, not the roles. */
        OTHER
    }

    private final HI1Message message;

    public Hi1View(HI1Message message) {
        this.message = message;
    }

    public HI1Message message() {
        return message;
    }

    public PartyId sender() {
        return party(message.getHeader().getSenderIdentifier());
    }

    public PartyId receiver() {
        return party(message.getHeader().getReceiverIdentifier());
    }

    public String transactionId() {
        return message.getHeader().getTransactionIdentifier();
    }

    public static PartyId party(EndpointID id) {
        return new PartyId(id.getCountryCode(), id.getUniqueIdentifier());
    }

    public List<ActionRequest> actions() {
        if (message.getPayload() == null || message.getPayload().getRequestPayload() == null
                || message.getPayload().getRequestPayload().getActionRequests() == null) {
            return List.of();
        }
        return message.getPayload().getRequestPayload().getActionRequests().getActionRequest();
    }

    public List<HI1Object> created() {
        return actions().stream().filter(a -> a.getCREATE() != null).map(a -> a.getCREATE().getHI1Object()).toList();
    }

    public List<HI1Object> updated() {
        return actions().stream().filter(a -> a.getUPDATE() != null).map(a -> a.getUPDATE().getHI1Object()).toList();
    }

    public List<DeliveryObject> deliveries() {
        return actions().stream().filter(a -> a.getDELIVER() != null).map(a -> a.getDELIVER().getHI1Object())
                .filter(DeliveryObject.class::isInstance).map(DeliveryObject.class::cast).toList();
    }

    public Kind kind() {
        List<HI1Object> created = created();
        boolean task = created.stream().anyMatch(o -> o instanceof LDTaskObject || o instanceof LPTaskObject);
        if (task && created.stream().anyMatch(AuthorisationObject.class::isInstance)) {
            return Kind.TASK_REQUEST;
        }
        if (!updated().isEmpty()) {
            return Kind.TASK_UPDATE;
        }
        if (!deliveries().isEmpty()) {
            return Kind.DELIVERY;
        }
        if (created.stream().anyMatch(NotificationObject.class::isInstance)) {
            return Kind.NOTIFICATION;
        }
        if (!created.isEmpty() && created.stream().allMatch(DocumentObject.class::isInstance)) {
            return Kind.DOCUMENT;
        }
        return Kind.OTHER;
    }

    public Optional<AuthorisationObject> authorisation() {
        return created().stream().filter(AuthorisationObject.class::isInstance).map(AuthorisationObject.class::cast).findFirst();
    }

    /** The tasks this message creates (LDTaskObject or LPTaskObject). */
    public List<HI1Object> createdTasks() {
        return created().stream().filter(o -> o instanceof LDTaskObject || o instanceof LPTaskObject).toList();
    }

    public List<NotificationObject> notifications() {
        return created().stream().filter(NotificationObject.class::isInstance).map(NotificationObject.class::cast).toList();
    }

    public List<DocumentObject> documents() {
        return created().stream().filter(DocumentObject.class::isInstance).map(DocumentObject.class::cast).toList();
    }

    /** The first lexgate legal basis of the authorisation, e.g. {@code BudapestArt29Preservation}. */
    public Optional<String> legalBasis() {
        return legalBases().stream().findFirst();
    }

    public List<String> legalBases() {
        return authorisation().map(AuthorisationObject::getNationalAuthorisationParameters)
                .filter(AuthorisationParameters.class::isInstance).map(AuthorisationParameters.class::cast)
                .map(p -> p.getLegalBasis().stream().map(b -> b.getBasis().getValue()).toList())
                .orElse(List.of());
    }

    /**
     * The case a message belongs to: the requester's registration number (§26). For a request, its
     * AuthorisationReference, else the LDTask Reference; for an answer, the LDID its delivery
     * quotes, else the reference of the request a notification is about.
     */
    public Optional<String> caseReference() {
        Optional<String> auth = authorisation().map(AuthorisationObject::getAuthorisationReference);
        if (auth.isPresent()) {
            return auth;
        }
        Optional<String> task = createdTasks().stream().filter(LDTaskObject.class::isInstance)
                .map(t -> ((LDTaskObject) t).getReference()).filter(r -> r != null).findFirst();
        if (task.isPresent()) {
            return task;
        }
        Optional<String> ldid = deliveries().stream().map(DeliveryObject::getReference).filter(r -> r != null)
                .map(r -> r.getLDID()).filter(r -> r != null).findFirst();
        if (ldid.isPresent()) {
            return ldid;
        }
        return relatedRequest().map(RequestReference::getReference);
    }

    public boolean isEmergency() {
        boolean auth = authorisation().map(AuthorisationObject::getAuthorisationFlags)
                .map(f -> f.getAuthorisationFlag().stream().anyMatch(e -> "IsEmergency".equals(e.getValue())))
                .orElse(false);
        boolean ld = createdTasks().stream().filter(LDTaskObject.class::isInstance).map(t -> ((LDTaskObject) t).getFlags())
                .anyMatch(f -> f != null && f.getLDTaskFlag().stream().anyMatch(e -> "IsEmergency".equals(e.getValue())));
        return auth || ld;
    }

    public Optional<CrossBorderHandling> crossBorder() {
        return authorisation().map(HI1Object::getNationalHandlingParameters)
                .filter(CrossBorderHandling.class::isInstance).map(CrossBorderHandling.class::cast);
    }

    /**
     * Every object identifier this message refers to without creating it: the targets of updates,
     * the associated objects of deliveries, notifications and documents, and lexgate RelatedRequest
     * object identifiers. Used to find the task an answer belongs to.
     */
    public Set<String> referencedObjects() {
        Set<String> ids = new LinkedHashSet<>();
        updated().forEach(o -> ids.add(o.getObjectIdentifier()));
        List<HI1Object> answers = new ArrayList<>(deliveries());
        answers.addAll(notifications());
        answers.addAll(documents());
        for (HI1Object o : answers) {
            if (o.getAssociatedObjects() != null) {
                ids.addAll(o.getAssociatedObjects().getAssociatedObject());
            }
        }
        relatedRequest().map(RequestReference::getObjectIdentifier).ifPresent(ids::add);
        return ids;
    }

    public Optional<RequestReference> relatedRequest() {
        return notifications().stream().map(NotificationObject::getNationalNotificationParameters)
                .filter(NotificationParameters.class::isInstance).map(NotificationParameters.class::cast)
                .map(NotificationParameters::getRelatedRequest).filter(r -> r != null).findFirst();
    }

    public Optional<Refusal> refusal() {
        return notifications().stream().map(NotificationObject::getNationalNotificationParameters)
                .filter(NotificationParameters.class::isInstance).map(NotificationParameters.class::cast)
                .map(NotificationParameters::getRefusal).filter(r -> r != null).findFirst();
    }

    public static Optional<String> value(DictionaryEntry entry) {
        return Optional.ofNullable(entry).map(DictionaryEntry::getValue);
    }

    public static Optional<Instant> instant(XMLGregorianCalendar calendar) {
        return Optional.ofNullable(calendar).map(c -> c.toGregorianCalendar().toInstant());
    }
}
