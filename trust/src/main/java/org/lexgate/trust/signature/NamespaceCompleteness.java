package org.lexgate.trust.signature;

import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import org.lexgate.message.xml.XmlLimits;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Whether a DOM says in its {@code xmlns} attributes everything its serialisation will say: every
 * element's and attribute's prefix (or the default namespace, for an unprefixed element) is bound by
 * an {@code xmlns} attribute in scope to exactly that node's namespace. Canonicalisation works from
 * those attributes, a parser from the bytes; on a namespace-complete DOM the two agree, which is
 * what lets {@link DocumentSigner#signDocument} sign a tree and serialise it without parsing it again.
 */
final class NamespaceCompleteness {

    private NamespaceCompleteness() {
    }

    static void check(Document doc) throws DocumentSigningException {
        Element root = doc.getDocumentElement();
        if (root == null) {
            throw new DocumentSigningException("the document to sign has no root element");
        }
        Map<String, String> bindings = new HashMap<>();
        bindings.put("xml", XMLConstants.XML_NS_URI);
        element(root, bindings, 1);
    }

    private static void element(Element element, Map<String, String> inherited, int depth) throws DocumentSigningException {
        if (depth > XmlLimits.MAX_DEPTH_CEILING) {
            throw new DocumentSigningException("the document to sign is nested deeper than " + XmlLimits.MAX_DEPTH_CEILING);
        }
        if (element.getLocalName() == null) {
            throw new DocumentSigningException("element " + element.getTagName() + " was not created namespace-aware");
        }
        Map<String, String> bindings = inherited;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                if (bindings == inherited) {
                    bindings = new HashMap<>(inherited);
                }
                bindings.put(XMLConstants.XMLNS_ATTRIBUTE.equals(attr.getName()) ? "" : attr.getLocalName(), attr.getValue());
            }
        }
        String prefix = element.getPrefix() == null ? "" : element.getPrefix();
        requireBound(bindings, prefix, element.getNamespaceURI(), "element " + element.getTagName());
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            String namespace = attr.getNamespaceURI();
            if (namespace == null || XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
                if (attr.getLocalName() == null) {
                    throw new DocumentSigningException("attribute " + attr.getName() + " was not created namespace-aware");
                }
                continue;
            }
            if (attr.getPrefix() == null) {
                throw new DocumentSigningException("attribute " + attr.getName() + " is in namespace " + namespace
                        + " but has no prefix");
            }
            requireBound(bindings, attr.getPrefix(), namespace, "attribute " + attr.getName());
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                element(e, bindings, depth + 1);
            } else if (child.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
                throw new DocumentSigningException("entity reference &" + child.getNodeName() + "; in the document to sign");
            }
        }
    }

    private static void requireBound(Map<String, String> bindings, String prefix, String namespace, String what)
            throws DocumentSigningException {
        String bound = bindings.getOrDefault(prefix, "");
        String expected = namespace == null ? "" : namespace;
        if (!bound.equals(expected)) {
            throw new DocumentSigningException("the document to sign is not namespace-complete: " + what
                    + " is in namespace '" + expected + "' but prefix '" + prefix + "' is bound to '" + bound
                    + "' there; sign it with sign(Document), which serialises and parses it first");
        }
    }
}
