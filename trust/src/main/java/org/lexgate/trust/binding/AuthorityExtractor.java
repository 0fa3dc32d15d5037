package org.lexgate.trust.binding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.directory.PartyId;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads from a verified {@code HI1Message} DOM what the sender binding and the authority check
 * need: {@code Header/SenderIdentifier}, the verb of every {@code ActionRequest}, the
 * {@code xsi:type} of every {@code HI1Object}, the data categories (ETSI {@code RequestType} and
 * lexgate {@code DataCategory} dictionary entries), the legal bases (lexgate {@code LegalBasis})
 * and the emergency flags ({@code IsEmergency} in AuthorisationFlag, LDTaskFlag or TaskFlag,
 * {@code ApprovalIsEmergency}, a lexgate {@code Emergency} element). Independent of JAXB; the
 * message has already passed the schema, so this reader only refuses what it cannot read.
 */
public final class AuthorityExtractor {

    static final String CORE = "http://uri.etsi.org/03120/common/2019/10/Core";
    static final String COMMON = "http://uri.etsi.org/03120/common/2016/02/Common";
    static final String ETSI_PREFIX = "http://uri.etsi.org/";
    /** The lexgate extension namespace (xsd module, lexgate-extension.xsd). */
    public static final String LEXGATE = "http://lexgate.org/ns/hi1/2026/11";

    /** ETSI RequestType values and the lexgate data categories they stand for. */
    private static final Map<String, List<String>> REQUEST_TYPE_CATEGORIES = Map.of(
            "SubscriberData", List.of("SubscriberData"),
            "UserIdentifyingData", List.of("UserIdentifyingData"),
            "TrafficData", List.of("TrafficData"),
            "StoredContentData", List.of("ContentData"),
            "SubscriberDataAndUserIdentifyingData", List.of("SubscriberData", "UserIdentifyingData"),
            "TrafficDataAndStoredContentData", List.of("TrafficData", "ContentData"));

    private AuthorityExtractor() {
    }

    public static MessageClaims extract(Document document) throws MessageRejectedException {
        Element root = document.getDocumentElement();
        if (root == null || !CORE.equals(root.getNamespaceURI()) || !"HI1Message".equals(root.getLocalName())) {
            throw new MessageRejectedException(ErrorCode.WRONG_NAMESPACE, "root is not core:HI1Message");
        }
        return new MessageClaims(sender(root), requested(root));
    }

    static PartyId sender(Element root) throws MessageRejectedException {
        Optional<Element> id = child(root, CORE, "Header").flatMap(h -> child(h, CORE, "SenderIdentifier"));
        Optional<String> country = id.flatMap(e -> child(e, CORE, "CountryCode")).map(AuthorityExtractor::text);
        Optional<String> unique = id.flatMap(e -> child(e, CORE, "UniqueIdentifier")).map(AuthorityExtractor::text);
        if (country.isEmpty() || unique.isEmpty()) {
            throw new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED, "Header/SenderIdentifier incomplete");
        }
        try {
            return new PartyId(country.get(), unique.get());
        } catch (IllegalArgumentException e) {
            throw new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED,
                    "Header/SenderIdentifier not usable: " + e.getMessage());
        }
    }

    private static RequestedAuthority requested(Element root) throws MessageRejectedException {
        Optional<Element> payload = child(root, CORE, "Payload");
        if (payload.isEmpty()) {
            return RequestedAuthority.NOTHING;
        }
        List<String> actions = new ArrayList<>();
        List<String> objectTypes = new ArrayList<>();
        Optional<Element> requests = child(payload.get(), CORE, "RequestPayload")
                .flatMap(p -> child(p, CORE, "ActionRequests"));
        if (requests.isPresent()) {
            for (Element request : children(requests.get(), CORE, "ActionRequest")) {
                for (Element verb : elements(request)) {
                    if (!"ActionIdentifier".equals(verb.getLocalName())) {
                        actions.add(verb.getLocalName());
                        for (Element object : children(verb, CORE, "HI1Object")) {
                            objectTypes.add(objectType(object));
                        }
                    }
                }
            }
        }
        Scan scan = new Scan();
        scan.walk(payload.get());
        return new RequestedAuthority(actions, objectTypes, scan.categories, scan.legalBases, scan.emergency);
    }

    /** The local name of an HI1Object's xsi:type for ETSI types; {namespace}local for any other namespace. */
    private static String objectType(Element object) throws MessageRejectedException {
        String type = object.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type").strip();
        if (type.isEmpty()) {
            throw new MessageRejectedException(ErrorCode.UNKNOWN_XSI_TYPE, "HI1Object without xsi:type");
        }
        int colon = type.indexOf(':');
        String prefix = colon < 0 ? null : type.substring(0, colon);
        String local = type.substring(colon + 1);
        String namespace = object.lookupNamespaceURI(prefix);
        if (namespace == null) {
            throw new MessageRejectedException(ErrorCode.UNKNOWN_XSI_TYPE, "xsi:type prefix not bound: " + type);
        }
        return namespace.startsWith(ETSI_PREFIX) ? local : "{" + namespace + "}" + local;
    }

    /** Collects data categories, legal bases and emergency flags from anywhere in the payload. */
    private static final class Scan {
        final Set<String> categories = new LinkedHashSet<>();
        final Set<String> legalBases = new LinkedHashSet<>();
        boolean emergency;

        void walk(Element element) {
            dictionaryEntry(element);
            if (COMMON.equals(element.getNamespaceURI()) && "ApprovalIsEmergency".equals(element.getLocalName())) {
                emergency |= isTrue(text(element));
            }
            if (LEXGATE.equals(element.getNamespaceURI())) {
                lexgateElement(element);
            }
            for (Element child : elements(element)) {
                walk(child);
            }
        }

        /** A common:DictionaryEntry: Owner, Name, Value in the Common namespace. */
        private void dictionaryEntry(Element element) {
            Optional<String> name = child(element, COMMON, "Name").map(AuthorityExtractor::text);
            Optional<String> value = child(element, COMMON, "Value").map(AuthorityExtractor::text);
            if (name.isEmpty() || value.isEmpty() || child(element, COMMON, "Owner").isEmpty()) {
                return;
            }
            switch (name.get()) {
                case "RequestType" -> categories.addAll(REQUEST_TYPE_CATEGORIES.getOrDefault(value.get(), List.of(value.get())));
                case "DataCategory" -> categories.add(value.get());
                case "LegalBasis" -> legalBases.add(value.get());
                case "AuthorisationFlag", "LDTaskFlag", "LPTaskFlag", "TaskFlag" ->
                        emergency |= "IsEmergency".equals(value.get());
                default -> {
                    // other dictionaries do not bear on authority
                }
            }
        }

        /** lexgate elements that are plain values rather than dictionary entries. */
        private void lexgateElement(Element element) {
            if (!elements(element).isEmpty()) {
                return; // a structure (a dictionary entry is handled above), not a plain value
            }
            String value = text(element);
            switch (element.getLocalName()) {
                case "DataCategory" -> addIfPresent(categories, value);
                case "LegalBasis" -> addIfPresent(legalBases, value);
                case "Emergency", "IsEmergency" -> emergency |= isTrue(value);
                default -> {
                    // not an authority-bearing element
                }
            }
        }

        private static void addIfPresent(Set<String> set, String value) {
            if (!value.isEmpty()) {
                set.add(value);
            }
        }
    }

    static boolean isTrue(String value) {
        return "true".equals(value) || "1".equals(value);
    }

    static String text(Element element) {
        return element.getTextContent().strip();
    }

    static List<Element> elements(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        return elements(parent).stream()
                .filter(e -> namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()))
                .toList();
    }

    static Optional<Element> child(Element parent, String namespace, String localName) {
        return children(parent, namespace, localName).stream().findFirst();
    }
}
