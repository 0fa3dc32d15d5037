package org.lexgate.gateway.relay;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lexgate.gateway.role.Hi1Parts;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.hi1.document.DocumentObject;
import org.lexgate.hi1.lexgate.AuthorisationParameters;
import org.lexgate.hi1.lexgate.CrossBorderHandling;
import org.lexgate.hi1.lexgate.LegalBasis;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.build.Entries;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.trust.directory.PartyId;

/**
 * A contact point gives effect to a foreign request (DESIGN.md "Cross-border", guideline §36): it
 * issues its own domestic request to the provider, with the same tasks and data, under its national
 * law (lexgate LegalBasis {@code DomesticOrder}), and attaches the foreign signed request byte for
 * byte as a {@code doc:DocumentObject}, so the provider can check who asked for what originally.
 *
 * <p>The domestic request's TransactionIdentifier and object identifiers derive from the foreign
 * request's, so a contact point that gives effect twice (after a crash) sends the same business key
 * and the provider acts once.
 */
public final class GiveEffect {

    private GiveEffect() {
    }

    /**
     * The domestic request and how its objects map to the foreign request's. The domestic request
     * keeps the requester's registration number (AuthorisationReference, LDTask Reference), so the
     * provider's answer quotes it and every node's trail finds the case by it; this contact point's
     * own file number is the CrossBorderHandling ContactPointReference ({@code caseReference} here).
     */
    public record Domestic(HI1Message message, Map<String, String> domesticToForeign, String caseReference) {
    }

    /**
     * Builds the domestic request.
     *
     * @param self this contact point
     * @param signedForeign the foreign request's exact signed bytes
     * @param codec to read a fresh copy of the foreign request
     * @param previousHop the neighbour the request came from (the requesting contact point), may be null
     * @param receivedAt when it was accepted
     */
    public static Domestic build(PartyId self, byte[] signedForeign, Hi1Codec codec, PartyId previousHop, Instant receivedAt)
            throws MessageRejectedException {
        HI1Message copy = codec.parse(signedForeign).message();
        Hi1View foreign = new Hi1View(copy);
        PartyId requester = foreign.sender();
        String foreignTx = foreign.transactionId();
        String foreignBasis = foreign.legalBasis().orElse("unspecified");
        copy.setSignature(null);
        copy.setUntypedSignature(null);
        copy.setSignatures(null);
        copy.getHeader().setSenderIdentifier(Hi1Parts.endpoint(self));
        copy.getHeader().setTransactionIdentifier(Hi1Parts.stableId("give-effect", self.toString(),
                requester.toString(), foreignTx).toString());
        copy.getHeader().setTimestamp(Hi1Parts.microseconds(Instant.now()));

        Map<String, String> ids = new HashMap<>();
        for (HI1Object o : foreign.created()) {
            ids.put(o.getObjectIdentifier(), Hi1Parts.stableId("give-effect-object", self.toString(),
                    requester.toString(), foreignTx, o.getObjectIdentifier()).toString());
        }
        Map<String, String> domesticToForeign = new HashMap<>();
        ids.forEach((f, d) -> domesticToForeign.put(d, f));
        String foreignReference = foreign.caseReference().orElse(foreignTx);
        String domesticReference = self.countryCode() + "-" + self.uniqueIdentifier().replace(self.countryCode() + "-", "")
                + "-" + foreignTx.substring(0, 8);
        String authId = null;
        for (HI1Object o : foreign.created()) {
            String originalId = o.getObjectIdentifier();
            o.setObjectIdentifier(ids.get(originalId));
            o.setCountryCode(self.countryCode());
            o.setOwnerIdentifier(self.uniqueIdentifier());
            if (o.getAssociatedObjects() != null) {
                List<String> mapped = o.getAssociatedObjects().getAssociatedObject().stream()
                        .map(a -> ids.getOrDefault(a, a)).toList();
                o.getAssociatedObjects().getAssociatedObject().clear();
                o.getAssociatedObjects().getAssociatedObject().addAll(mapped);
            }
            if (o instanceof AuthorisationObject auth) {
                authId = auth.getObjectIdentifier();
                auth.setNationalHandlingParameters(handling(self, requester, previousHop, foreignTx, originalId, foreignReference,
                        domesticReference));
                if (auth.getNationalAuthorisationParameters() instanceof AuthorisationParameters p) {
                    p.setCountryCode(self.countryCode());
                    p.getLegalBasis().clear();
                    p.getLegalBasis().add(domesticOrder(foreignBasis, requester));
                }
            }
            if (o instanceof LDTaskObject ld) {
                if (ld.getNationalLDTaskingParameters() != null) {
                    ld.getNationalLDTaskingParameters().setCountryCode(self.countryCode());
                }
            }
        }
        DocumentObject attachment = Hi1Parts.signedDocument(
                Hi1Parts.stableId("give-effect-document", self.toString(), requester.toString(), foreignTx).toString(),
                self, signedForeign, "Foreign request " + foreignReference + " from " + requester,
                Hi1Parts.reference(requester, foreignTx, null, foreignReference), receivedAt,
                authId == null ? new String[0] : new String[] {authId});
        Hi1Parts.appendCreates(copy, attachment);
        return new Domestic(copy, domesticToForeign, domesticReference);
    }

    private static CrossBorderHandling handling(PartyId self, PartyId requester, PartyId previousHop, String foreignTx,
            String foreignObject, String foreignReference, String fileNumber) {
        CrossBorderHandling h = new CrossBorderHandling();
        h.setCountryCode(self.countryCode());
        h.setMode(Entries.lexgate("CrossBorderMode", "GiveEffect"));
        h.setRequestingCountry(requester.countryCode());
        h.setRequestedCountry(self.countryCode());
        if (previousHop != null && !previousHop.equals(requester)) {
            h.setRequestingContactPoint(Hi1Parts.endpoint(previousHop));
        }
        h.setRequestedContactPoint(Hi1Parts.endpoint(self));
        h.setContactPointReference(fileNumber);
        h.setOriginalRequest(Hi1Parts.reference(requester, foreignTx, foreignObject, foreignReference));
        return h;
    }

    private static LegalBasis domesticOrder(String foreignBasis, PartyId requester) {
        LegalBasis b = new LegalBasis();
        b.setBasis(Entries.lexgate("LegalBasis", "DomesticOrder"));
        b.setInstrument("National law of the requested Party, giving effect to a foreign request");
        b.setArticle("-");
        b.setNationalProvision("Gives effect to a request of " + requester + " under " + foreignBasis
                + " (profile " + Hi1Messages.PROFILE_OWNER + " " + Hi1Messages.PROFILE_VERSION + ")");
        return b;
    }
}
