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

    /**
     * Replays the document's root element and everything under it.
     *
     * @return the length of the longest text node replayed (a handler that accumulates text has
     *         grown its buffers to about that)
     */
    static int replay(Document document, ContentHandler handler) throws SAXException {
        handler.startDocument();
        Walk walk = new Walk(handler);
        walk.element(document.getDocumentElement());
        handler.endDocument();
        return walk.longestText;
    }

    /**
     * One replay. The attribute list and the character buffer are reused from element to element:
     * SAX lets a handler read them only during the call that passes them.
     */
    private static final class Walk {
        private final ContentHandler handler;
        private final AttributesImpl attributes = new AttributesImpl();
        private char[] buffer = new char[256];
        private int longestText;

        Walk(ContentHandler handler) {
            this.handler = handler;
        }

        void element(Element element) throws SAXException {
            attributes.clear();
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
                    case Node.ELEMENT_NODE -> element((Element) child);
                    case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text(child.getNodeValue());
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

        private void text(String text) throws SAXException {
            if (text.isEmpty()) {
                return;
            }
            longestText = Math.max(longestText, text.length());
            if (buffer.length < Math.min(text.length(), CHUNK)) {
                buffer = new char[Math.min(Math.max(text.length(), buffer.length * 2), CHUNK)];
            }
            for (int at = 0; at < text.length(); at += CHUNK) {
                int n = Math.min(CHUNK, text.length() - at);
                text.getChars(at, at + n, buffer, 0);
                handler.characters(buffer, 0, n);
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
