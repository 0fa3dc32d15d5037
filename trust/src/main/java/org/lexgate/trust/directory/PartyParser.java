package org.lexgate.trust.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lexgate.trust.directory.ContactDetails.EmergencyContact;
import org.lexgate.trust.directory.ContactDetails.Person;
import org.w3c.dom.Element;

/**
 * Reads one {@code party}. Values the schema already rejects (an unknown role, a malformed id) are
 * skipped here without a second error; what only code can check (certificates, anchor references,
 * regular expressions, empty subject constraints) is reported with the element's line.
 */
final class PartyParser {

    private final ParseContext context;
    private final Map<String, Anchor> anchors;

    PartyParser(ParseContext context, Map<String, Anchor> anchors) {
        this.context = context;
        this.anchors = anchors;
    }

    Optional<Party> parse(Element element) {
        Optional<PartyId> id = partyId(element);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String label = "party " + id.get();
        List<X509Certificate> pinned = new ArrayList<>();
        List<AnchoredSigner> anchored = new ArrayList<>();
        Dom.child(element, "signing").ifPresent(signing -> {
            for (Element p : Dom.children(signing, "pinned")) {
                context.certificate(p, label + ": pinned certificate").ifPresent(pinned::add);
            }
            for (Element a : Dom.children(signing, "anchored")) {
                anchoredSigner(label, a).ifPresent(anchored::add);
            }
        });
        return Optional.of(new Party(id.get(),
                Dom.childText(element, "name").orElse(""),
                roles(element),
                Dom.child(element, "endpoints").map(this::endpoints).orElse(Endpoints.NONE),
                pinned, anchored,
                Dom.child(element, "authority").map(PartyParser::grants).orElse(List.of()),
                Dom.child(element, "contact").map(this::contact).orElse(ContactDetails.NONE)));
    }

    private Optional<PartyId> partyId(Element element) {
        try {
            return Optional.of(new PartyId(Dom.attribute(element, "country").orElse(""),
                    Dom.attribute(element, "uniqueIdentifier").orElse("")));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the schema has reported it
        }
    }

    private static Set<Role> roles(Element element) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Dom.childList(element, "roles").forEach(r -> Role.fromXml(r).ifPresent(roles::add));
        return roles;
    }

    private Endpoints endpoints(Element element) {
        return new Endpoints(uri(element, "soap"), uri(element, "etsiHttp"), Dom.childText(element, "queue"));
    }

    private Optional<AnchoredSigner> anchoredSigner(String label, Element element) {
        String anchorId = Dom.attribute(element, "anchor").orElse("");
        Anchor anchor = anchors.get(anchorId);
        if (anchor == null) {
            context.error(element, label + ": unknown trust anchor '" + anchorId + "'");
        }
        Optional<SubjectConstraint> subject = Dom.child(element, "subject").flatMap(s -> subject(label, s));
        if (anchor == null || subject.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AnchoredSigner(anchor, subject.get()));
    }

    private Optional<SubjectConstraint> subject(String label, Element element) {
        Optional<Pattern> pattern = Optional.empty();
        Optional<String> regex = Dom.childText(element, "dnPattern");
        if (regex.isPresent()) {
            try {
                pattern = Optional.of(Pattern.compile(regex.get()));
            } catch (PatternSyntaxException e) {
                context.error(element, label + ": dnPattern is not a valid regular expression: "
                        + ParseContext.oneLine(e));
                return Optional.empty();
            }
        }
        SubjectConstraint constraint = new SubjectConstraint(Dom.childText(element, "commonName"),
                Dom.childText(element, "organizationalUnit"), Dom.childText(element, "organization"),
                Dom.childText(element, "country"), pattern);
        if (constraint.isEmpty()) {
            context.error(element, label + ": the subject constraint is empty; an anchor alone never identifies a party");
            return Optional.empty();
        }
        return Optional.of(constraint);
    }

    private static List<Grant> grants(Element authority) {
        List<Grant> grants = new ArrayList<>();
        for (Element g : Dom.children(authority, "grant")) {
            grants.add(new Grant(Dom.childText(g, "description"),
                    new LinkedHashSet<>(Dom.childList(g, "actions")),
                    new LinkedHashSet<>(Dom.childList(g, "objectTypes")),
                    new LinkedHashSet<>(Dom.childList(g, "dataCategories")),
                    new LinkedHashSet<>(Dom.childList(g, "legalBases")),
                    Dom.childText(g, "emergency").map(v -> v.equals("true") || v.equals("1")).orElse(false)));
        }
        return grants;
    }

    private ContactDetails contact(Element element) {
        List<Person> persons = new ArrayList<>();
        for (Element p : Dom.children(element, "person")) {
            persons.add(new Person(Dom.childText(p, "name").orElse(""), Dom.childText(p, "position"),
                    Dom.childText(p, "email"), Dom.childText(p, "phone")));
        }
        Optional<EmergencyContact> emergency = Dom.child(element, "emergency").map(e -> new EmergencyContact(
                Dom.childText(e, "phone").orElse(""), Dom.childText(e, "email"), Dom.childText(e, "hours")));
        return new ContactDetails(persons, Dom.childText(element, "switchboard"), uri(element, "website"),
                Dom.childText(element, "email"), Dom.childText(element, "hours"), emergency,
                Dom.childList(element, "languages"), Dom.childText(element, "notes"));
    }

    private Optional<URI> uri(Element parent, String name) {
        Optional<String> text = Dom.childText(parent, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(text.get()));
        } catch (URISyntaxException e) {
            context.error(Dom.child(parent, name).orElse(parent), "not a valid URL: " + ParseContext.oneLine(e));
            return Optional.empty();
        }
    }
}
