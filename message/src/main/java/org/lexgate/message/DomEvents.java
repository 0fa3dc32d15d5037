package org.lexgate.message;

import java.util.ArrayList;
import java.util.List;
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
    /** An element whose first child is a text longer than this is offered to {@link LargeValues}. */
    static final int LARGE_VALUE = 64 * 1024;

    private DomEvents() {
    }

    /**
     * Sees, before it is replayed, the content of an element made of text only (text and CDATA
     * nodes, comments and processing instructions between them skipped) whose first text is longer
     * than {@link #LARGE_VALUE} characters: a delivery's payload. Called after the element's
     * {@code startElement}.
     */
    interface LargeValues {
        /**
         * The text to replay instead of {@code parts} (the texts of {@code owner} in order, as the
         * handler would receive them), or null to replay them as they are.
         */
        String standIn(Element owner, List<String> parts) throws SAXException;
    }

    /**
     * Replays the document's root element and everything under it.
     *
     * @return the length of the longest text node replayed (a handler that accumulates text has
     *         grown its buffers to about that)
     */
    static int replay(Document document, ContentHandler handler) throws SAXException {
        return replay(document, handler, null);
    }

    /**
     * Replays the document as {@link #replay(Document, ContentHandler)} does, offering each large
     * text-only value to {@code largeValues} (may be null) first.
     *
     * @return the length of the longest text passed to the handler
     */
    static int replay(Document document, ContentHandler handler, LargeValues largeValues) throws SAXException {
        handler.startDocument();
        Walk walk = new Walk(handler, largeValues);
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
        private final LargeValues largeValues;
        private final AttributesImpl attributes = new AttributesImpl();
        private char[] buffer = new char[256];
        private int longestText;

        Walk(ContentHandler handler, LargeValues largeValues) {
            this.handler = handler;
            this.largeValues = largeValues;
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
                    case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                        String value = child.getNodeValue();
                        String standIn = value.length() > LARGE_VALUE && largeValues != null
                                && child.getPreviousSibling() == null ? standIn(child) : null;
                        if (standIn != null) {
                            text(standIn);
                            child = element.getLastChild(); // the stand-in replaces the whole content
                        } else {
                            text(value);
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

        /**
         * What {@link LargeValues} replays for the content of an element whose first child, {@code first},
         * is a large text, or null (replay the content).
         */
        private String standIn(Node first) throws SAXException {
            List<String> parts = new ArrayList<>(1);
            for (Node child = first; child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    return null; // not a simple value: replayed as it is, and the validator judges it
                }
                if (isText(child)) {
                    parts.add(child.getNodeValue());
                }
            }
            return largeValues.standIn((Element) first.getParentNode(), parts);
        }

        /**
         * Passes a text in pieces of at most {@link #CHUNK} characters, copied straight from the
         * string into the reused buffer. The pieces are of equal size, the text's length divided by
         * a power of two: a handler that collects them in a buffer doubling from the first piece
         * (the validator does, for a simple type's value) then ends at the text's length, not up
         * to twice it.
         */
        private void text(String text) throws SAXException {
            if (text.isEmpty()) {
                return;
            }
            int length = text.length();
            longestText = Math.max(longestText, length);
            int piece = pieceSize(length);
            if (buffer.length < piece) {
                buffer = new char[Math.max(piece, Math.min(buffer.length * 2, CHUNK))];
            }
            for (int at = 0; at < length; at += piece) {
                int n = Math.min(piece, length - at);
                text.getChars(at, at + n, buffer, 0);
                handler.characters(buffer, 0, n);
            }
        }
    }

    /** The size of the pieces a text of this length is passed in: length / 2^k rounded up, at most {@link #CHUNK}. */
    private static int pieceSize(int length) {
        long piece = length;
        for (int pieces = 2; piece > CHUNK; pieces *= 2) {
            piece = ((long) length + pieces - 1) / pieces;
        }
        return (int) piece;
    }

    private static boolean isText(Node node) {
        return node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
