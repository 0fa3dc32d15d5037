package org.lexgate.message;

import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Screens every {@code xsi:type} before the schema sees the message, so that an ETSI object
 * lexgate does not support is refused as such (3001 FeatureNotSupported) rather than as a schema
 * error, and a type nobody declared is named as unknown (9011).
 *
 * <ul>
 *   <li>Unsupported: task:LITaskObject (interception), task:TDTaskObject (takedown), and every
 *       type of the TrafficPolicy, IRIPolicy, Destination and Encryption namespaces (delivery
 *       destination objects are optional in TS 103 120; lexgate delivers in the message).</li>
 *   <li>Unknown: a type in a namespace of the profile that lexgate's schemas do not declare, a
 *       type in any other namespace, or a prefix that is not bound. Inside
 *       {@code delivery:XMLData} (a provider's own data, validated "lax") only types in the
 *       profile's namespaces are screened.</li>
 * </ul>
 */
final class XsiTypeScreen {

    private static final Set<String> UNSUPPORTED_TASK_TYPES = Set.of("LITaskObject", "TDTaskObject");

    private final Set<String> declaredTypes; // "{namespace}local"

    XsiTypeScreen(Set<String> declaredTypes) {
        this.declaredTypes = declaredTypes;
    }

    void screen(Document document) throws MessageRejectedException {
        screen(document.getDocumentElement(), false);
    }

    private void screen(Element element, boolean insideDeliveredData) throws MessageRejectedException {
        Attr type = element.getAttributeNodeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
        if (type != null) {
            check(element, type.getValue().strip(), insideDeliveredData);
        }
        boolean deliveredData = insideDeliveredData
                || (Hi1Namespaces.DELIVERY.equals(element.getNamespaceURI()) && "XMLData".equals(element.getLocalName()));
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                screen(childElement, deliveredData);
            }
        }
    }

    private void check(Element element, String qName, boolean insideDeliveredData) throws MessageRejectedException {
        int colon = qName.indexOf(':');
        String prefix = colon < 0 ? null : qName.substring(0, colon);
        String local = colon < 0 ? qName : qName.substring(colon + 1);
        String namespace = element.lookupNamespaceURI(prefix);
        if (namespace == null && prefix != null) {
            throw new MessageRejectedException(ErrorCode.UNKNOWN_XSI_TYPE, "xsi:type " + qName + " uses an unbound prefix");
        }
        if (Hi1Namespaces.UNSUPPORTED.contains(namespace)
                || (Hi1Namespaces.TASK.equals(namespace) && UNSUPPORTED_TASK_TYPES.contains(local))) {
            throw new MessageRejectedException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "unsupported object type {" + namespace + "}" + local);
        }
        boolean screened = !insideDeliveredData || Hi1Namespaces.PROFILE.contains(namespace) || Hi1Namespaces.isEtsi(namespace);
        if (screened && !declaredTypes.contains("{" + (namespace == null ? "" : namespace) + "}" + local)) {
            throw new MessageRejectedException(ErrorCode.UNKNOWN_XSI_TYPE,
                    "xsi:type names an undeclared type {" + namespace + "}" + local);
        }
    }
}
