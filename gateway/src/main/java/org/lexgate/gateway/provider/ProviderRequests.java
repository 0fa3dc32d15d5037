package org.lexgate.gateway.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lexgate.adapters.LegalBasis;
import org.lexgate.adapters.ObjectIdentifier;
import org.lexgate.adapters.Priority;
import org.lexgate.adapters.ProviderRequest;
import org.lexgate.adapters.RequestKind;
import org.lexgate.adapters.RequestingParty;
import org.lexgate.adapters.TargetIdentifier;
import org.lexgate.adapters.TimeWindow;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.gateway.role.TaskRecord;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.lexgate.AuthorisationParameters;
import org.lexgate.hi1.lexgate.DataCategories;
import org.lexgate.hi1.lexgate.DisclosureParameters;
import org.lexgate.hi1.lexgate.PreservationParameters;
import org.lexgate.hi1.task.LDDeadline;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.LPTaskObject;
import org.lexgate.hi1.task.RequestValue;
import org.lexgate.hi1.task.RequestValues;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;

/**
 * Turns a verified HI-1 request into what the provider's systems need ({@link ProviderRequest}):
 * one per task the message creates or updates (adapters contract, issue 4 item 8).
 */
final class ProviderRequests {

    private ProviderRequests() {
    }

    /** The request for one task created by a CREATE Authorisation + task message. */
    static ProviderRequest forNewTask(Hi1View view, HI1Object task, PartyDirectory directory, byte[] signed, Instant receivedAt) {
        AuthorisationObject auth = view.authorisation().orElseThrow();
        ProviderRequest.Builder b = ProviderRequest.builder()
                .task(ObjectIdentifier.of(task.getObjectIdentifier()))
                .caseReference(ObjectIdentifier.of(auth.getObjectIdentifier()))
                .requester(requester(view.sender(), directory))
                .emergency(view.isEmergency())
                .priority("High".equals(Hi1View.value(auth.getAuthorisationPriority()).orElse("")) ? Priority.HIGH : Priority.ROUTINE)
                .signedRequest(signed)
                .receivedAt(receivedAt);
        if (auth.getNationalAuthorisationParameters() instanceof AuthorisationParameters p) {
            p.getLegalBasis().forEach(l -> b.legalBasis(new LegalBasis(l.getBasis().getValue(), l.getInstrument(),
                    l.getArticle(), Optional.ofNullable(l.getNationalProvision()))));
            categories(p.getDataCategories()).forEach(b::dataCategory);
        }
        String reference = Optional.ofNullable(auth.getAuthorisationReference()).orElse(task.getObjectIdentifier());
        if (task instanceof LDTaskObject ld) {
            b.kind(RequestKind.DISCLOSURE).requesterReference(Optional.ofNullable(ld.getReference()).orElse(reference));
            if (ld.getRequestDetails() != null) {
                b.timeWindow(TimeWindow.of(Hi1View.instant(ld.getRequestDetails().getStartTime()).orElse(null),
                        Hi1View.instant(ld.getRequestDetails().getEndTime()).orElse(null)));
                identifiers(ld.getRequestDetails().getRequestValues()).forEach(b::identifier);
                Hi1View.value(ld.getRequestDetails().getType()).ifPresent(b::dataCategory);
            }
            if (ld.getNationalLDTaskingParameters() instanceof DisclosureParameters d) {
                categories(d.getDataCategories()).forEach(b::dataCategory);
                b.description(d.getLinkToOffence());
            }
            if (ld.getDeadlines() != null) {
                ld.getDeadlines().getLDDeadline().stream().map(LDDeadline::getDateTime).filter(t -> t != null)
                        .findFirst().flatMap(Hi1View::instant).ifPresent(b::deadline);
            }
        } else if (task instanceof LPTaskObject lp) {
            b.kind(RequestKind.PRESERVATION).requesterReference(Optional.ofNullable(lp.getExternalIdentifier()).orElse(reference));
            b.preserveUntil(Hi1View.instant(lp.getDesiredPreservationExpiration()).orElse(null));
            if (lp.getRequestDetails() != null) {
                b.timeWindow(TimeWindow.of(Hi1View.instant(lp.getRequestDetails().getStartTime()).orElse(null),
                        Hi1View.instant(lp.getRequestDetails().getEndTime()).orElse(null)));
                identifiers(lp.getRequestDetails().getRequestValues()).forEach(b::identifier);
                Hi1View.value(lp.getRequestDetails().getType()).ifPresent(b::dataCategory);
            }
            if (lp.getNationalLPTaskingParameters() instanceof PreservationParameters p) {
                categories(p.getDataCategories()).forEach(b::dataCategory);
                b.description(p.getDataToPreserve());
            }
        }
        return b.build();
    }

    /** The request for an update of a task the provider already holds: extension, release or cancellation. */
    static ProviderRequest forUpdate(Hi1View view, HI1Object update, RequestKind kind, TaskRecord task,
            PartyDirectory directory, byte[] signed, Instant receivedAt) {
        ProviderRequest.Builder b = ProviderRequest.builder()
                .task(ObjectIdentifier.of(task.objectId()))
                .caseReference(ObjectIdentifier.of(task.authorisationId() != null ? task.authorisationId() : task.objectId()))
                .requesterReference(task.reference() != null ? task.reference() : task.caseRef())
                .requester(requester(view.sender(), directory))
                .kind(kind)
                .emergency(task.emergency())
                .signedRequest(signed)
                .receivedAt(receivedAt);
        if (update instanceof LPTaskObject lp) {
            b.preserveUntil(Hi1View.instant(lp.getDesiredPreservationExpiration()).orElse(null));
        }
        view.notifications().stream().map(n -> n.getNotificationDetails()).filter(d -> d != null).findFirst()
                .ifPresent(b::description);
        return b.build();
    }

    private static RequestingParty requester(PartyId id, PartyDirectory directory) {
        return new RequestingParty(id.toString(), directory.party(id).map(p -> p.name()).orElse(id.toString()));
    }

    private static List<String> categories(DataCategories categories) {
        return categories == null ? List.of()
                : categories.getDataCategory().stream().map(e -> e.getValue()).toList();
    }

    private static List<TargetIdentifier> identifiers(RequestValues values) {
        if (values == null) {
            return List.of();
        }
        return values.getRequestValue().stream().map(ProviderRequests::identifier).toList();
    }

    private static TargetIdentifier identifier(RequestValue v) {
        return new TargetIdentifier(v.getFormatType().getFormatOwner(), v.getFormatType().getFormatName(), v.getValue());
    }
}
