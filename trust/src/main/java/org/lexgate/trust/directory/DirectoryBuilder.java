package org.lexgate.trust.directory;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Turns a schema-checked directory DOM into the model and runs the checks that span elements:
 * duplicate anchor and party ids, a certificate pinned for two parties, routes to unknown
 * parties, duplicate routes, give-effect at a node that cannot give effect, next hops without an
 * endpoint. Every problem goes to the context's error list.
 */
final class DirectoryBuilder {

    private final ParseContext context;
    private final Map<String, Anchor> anchors = new LinkedHashMap<>();
    private final Map<PartyId, Party> parties = new LinkedHashMap<>();
    private final Map<PartyId, Integer> partyLines = new HashMap<>();
    private final List<Route> routes = new ArrayList<>();

    DirectoryBuilder(ParseContext context) {
        this.context = context;
    }

    PartyDirectory build(Element root) {
        Dom.child(root, "trustAnchors").ifPresent(list -> Dom.children(list, "trustAnchor").forEach(this::addAnchor));
        PartyParser partyParser = new PartyParser(context, anchors);
        Dom.child(root, "parties").ifPresent(list -> {
            for (Element element : Dom.children(list, "party")) {
                partyParser.parse(element).ifPresent(p -> addParty(element, p));
            }
        });
        checkPinnedOnce(root);
        Dom.child(root, "routes").ifPresent(list -> Dom.children(list, "route").forEach(this::addRoute));
        return PartyDirectory.of(context.file, anchors, parties, routes);
    }

    private void addAnchor(Element element) {
        String id = Dom.attribute(element, "id").orElse("");
        if (anchors.containsKey(id)) {
            context.error(element, "duplicate trust anchor id '" + id + "'");
            return;
        }
        new AnchorParser(context).parse(element).ifPresent(a -> anchors.put(id, a));
    }

    private void addParty(Element element, Party party) {
        Integer first = partyLines.putIfAbsent(party.id(), Dom.line(element));
        if (first != null) {
            context.error(element, "duplicate party id " + party.id() + " (first defined at line " + first + ")");
            return;
        }
        parties.put(party.id(), party);
    }

    /** A certificate pinned for two parties would make "who signed this?" ambiguous. */
    private void checkPinnedOnce(Element root) {
        Map<X509Certificate, PartyId> owners = new HashMap<>();
        for (Party party : parties.values()) {
            for (X509Certificate certificate : party.pinned()) {
                PartyId previous = owners.putIfAbsent(certificate, party.id());
                if (previous != null && !previous.equals(party.id())) {
                    context.errors.add(new DirectoryError(context.file, partyLines.getOrDefault(party.id(), Dom.line(root)),
                            0, "party " + party.id() + ": certificate " + certificate.getSubjectX500Principal()
                                    + " is already pinned for party " + previous));
                }
            }
        }
    }

    private void addRoute(Element element) {
        String country = Dom.attribute(element, "country").orElse("");
        Optional<String> legalBasis = Dom.attribute(element, "legalBasis").filter(s -> !s.isEmpty());
        RouteMode mode = RouteMode.fromXml(Dom.attribute(element, "mode").orElse("forward")).orElse(RouteMode.FORWARD);
        Optional<PartyId> from;
        PartyId nextHop;
        try {
            from = Dom.attribute(element, "from").map(PartyId::parse);
            nextHop = PartyId.parse(Dom.attribute(element, "nextHop").orElse(""));
        } catch (IllegalArgumentException e) {
            return; // the schema has reported it
        }
        Route route = new Route(from, country, legalBasis, nextHop, mode);
        String label = "route " + route.describe();
        boolean ok = true;
        Party hop = parties.get(nextHop);
        if (hop == null) {
            context.error(element, label + ": next hop " + nextHop + " is not a party in this directory");
            ok = false;
        } else if (hop.endpoints().isEmpty()) {
            context.error(element, label + ": next hop " + nextHop + " has no endpoint");
        }
        Party holder = from.map(parties::get).orElse(null);
        if (from.isPresent() && holder == null) {
            context.error(element, label + ": from " + from.get() + " is not a party in this directory");
            ok = false;
        }
        if (mode == RouteMode.GIVE_EFFECT && (holder == null
                || !(holder.hasRole(Role.CONTACT_POINT) || holder.hasRole(Role.MLA_AUTHORITY)))) {
            context.error(element, label + ": only a contact-point or mla-authority named in from=\"...\" can give effect");
        }
        boolean duplicate = routes.stream().anyMatch(r -> r.from().equals(from)
                && r.destinationCountry().equals(country) && r.legalBasis().equals(legalBasis));
        if (duplicate) {
            context.error(element, label + ": duplicate route (same from, country and legal basis)");
            ok = false;
        }
        if (ok) {
            routes.add(route);
        }
    }
}
