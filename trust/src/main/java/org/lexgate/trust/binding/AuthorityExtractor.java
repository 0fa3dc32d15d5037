package org.lexgate.trust.binding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        Element header = first(root, CORE, "Header");
        Element id = header == null ? null : first(header, CORE, "SenderIdentifier");
        Element country = id == null ? null : first(id, CORE, "CountryCode");
        Element unique = id == null ? null : first(id, CORE, "UniqueIdentifier");
        if (country == null || unique == null) {
            throw new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED, "Header/SenderIdentifier incomplete");
        }
        try {
            return new PartyId(text(country), text(unique));
        } catch (IllegalArgumentException e) {
            throw new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED,
                    "Header/SenderIdentifier not usable: " + e.getMessage());
        }
    }

    private static RequestedAuthority requested(Element root) throws MessageRejectedException {
        Element payload = first(root, CORE, "Payload");
        if (payload == null) {
            return RequestedAuthority.NOTHING;
        }
        List<String> actions = new ArrayList<>();
        List<String> objectTypes = new ArrayList<>();
        Element requestPayload = first(payload, CORE, "RequestPayload");
        Element requests = requestPayload == null ? null : first(requestPayload, CORE, "ActionRequests");
        if (requests != null) {
            for (Element request = first(requests, CORE, "ActionRequest"); request != null;
                    request = next(request, CORE, "ActionRequest")) {
                for (Element verb = firstElement(request); verb != null; verb = nextElement(verb)) {
                    if (!"ActionIdentifier".equals(verb.getLocalName())) {
                        actions.add(verb.getLocalName());
                        for (Element object = first(verb, CORE, "HI1Object"); object != null;
                                object = next(object, CORE, "HI1Object")) {
                            objectTypes.add(objectType(object));
                        }
                    }
                }
            }
        }
        Scan scan = new Scan();
        scan.walk(payload);
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

        /**
         * Visits every element once, in document order: one pass over its children tells whether it
         * is a dictionary entry (and whether it has child elements), then its children are walked.
         * No lists or optionals are built; text is read only where it matters.
         */
        void walk(Element element) {
            Element owner = null;
            Element name = null;
            Element value = null;
            boolean hasChildElements = false;
            for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element child) {
                    hasChildElements = true;
                    if (COMMON.equals(child.getNamespaceURI())) {
                        switch (child.getLocalName()) {
                            case "Owner" -> owner = owner == null ? child : owner;
                            case "Name" -> name = name == null ? child : name;
                            case "Value" -> value = value == null ? child : value;
                            default -> {
                                // not part of a dictionary entry
                            }
                        }
                    }
                }
            }
            if (owner != null && name != null && value != null) {
                dictionaryEntry(text(name), text(value));
            }
            String namespace = element.getNamespaceURI();
            if (COMMON.equals(namespace) && "ApprovalIsEmergency".equals(element.getLocalName())) {
                emergency |= isTrue(text(element));
            }
            if (LEXGATE.equals(namespace) && !hasChildElements) {
                lexgateValue(element);
            }
            for (Element child = firstElement(element); child != null; child = nextElement(child)) {
                walk(child);
            }
        }

        /** A common:DictionaryEntry: Owner, Name, Value in the Common namespace. */
        private void dictionaryEntry(String name, String value) {
            switch (name) {
                case "RequestType" -> categories.addAll(REQUEST_TYPE_CATEGORIES.getOrDefault(value, List.of(value)));
                case "DataCategory" -> categories.add(value);
                case "LegalBasis" -> legalBases.add(value);
                case "AuthorisationFlag", "LDTaskFlag", "LPTaskFlag", "TaskFlag" ->
                        emergency |= "IsEmergency".equals(value);
                default -> {
                    // other dictionaries do not bear on authority
                }
            }
        }

        /** lexgate elements that are plain values (no child elements) rather than dictionary entries. */
        private void lexgateValue(Element element) {
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




    /** The first child element {namespace}localName of {@code parent}, or null. */
    static Element first(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, namespace, localName)) {
                return e;
            }
        }
        return null;
    }

    /** The next sibling element {namespace}localName after {@code from}, or null. */
    static Element next(Element from, String namespace, String localName) {
        for (Node n = from.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && is(e, namespace, localName)) {
                return e;
            }
        }
        return null;
    }

    static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    static Element nextElement(Element from) {
        for (Node n = from.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static boolean is(Element e, String namespace, String localName) {
        return localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI());
    }
}
