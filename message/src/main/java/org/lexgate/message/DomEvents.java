package org.lexgate.message;

import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/** Replays a DOM as namespace-aware SAX events (for schema validation without touching the tree). */
final class DomEvents {

    private static final int CHUNK = 64 * 1024;

    private DomEvents() {
    }

    static void replay(Document document, ContentHandler handler) throws SAXException {
        handler.startDocument();
        element(document.getDocumentElement(), handler);
        handler.endDocument();
    }

    private static void element(Element element, ContentHandler handler) throws SAXException {
        AttributesImpl attributes = new AttributesImpl();
        NamedNodeMap map = element.getAttributes();
        int declarations = 0;
        for (int i = 0; i < map.getLength(); i++) {
            Attr attr = (Attr) map.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                String prefix = "xmlns".equals(attr.getName()) ? "" : attr.getLocalName();
                handler.startPrefixMapping(prefix, attr.getValue());
                declarations++;
            } else {
                attributes.addAttribute(nullToEmpty(attr.getNamespaceURI()), attr.getLocalName(), attr.getName(),
                        "CDATA", attr.getValue());
            }
        }
        String uri = nullToEmpty(element.getNamespaceURI());
        handler.startElement(uri, element.getLocalName(), element.getTagName(), attributes);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) child, handler);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    String text = child.getNodeValue();
                    char[] chunk = new char[Math.min(text.length(), CHUNK)];
                    for (int at = 0; at < text.length(); at += CHUNK) {
                        int n = Math.min(CHUNK, text.length() - at);
                        text.getChars(at, at + n, chunk, 0);
                        handler.characters(chunk, 0, n);
                    }
                }
                default -> {
                    // comments and processing instructions do not take part in validation
                }
            }
        }
        handler.endElement(uri, element.getLocalName(), element.getTagName());
        if (declarations > 0) {
            for (int i = 0; i < map.getLength(); i++) {
                Attr attr = (Attr) map.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                    handler.endPrefixMapping("xmlns".equals(attr.getName()) ? "" : attr.getLocalName());
                }
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
