package org.lexgate.message;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.ValidationEventLocator;
import jakarta.xml.bind.helpers.ValidationEventLocatorImpl;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import org.glassfish.jaxb.core.WhiteSpaceProcessor;
import org.glassfish.jaxb.core.v2.runtime.unmarshaller.LocatorEx;
import org.glassfish.jaxb.runtime.v2.runtime.unmarshaller.Base64Data;
import org.glassfish.jaxb.runtime.v2.runtime.unmarshaller.InterningXmlVisitor;
import org.glassfish.jaxb.runtime.v2.runtime.unmarshaller.TagName;
import org.glassfish.jaxb.runtime.v2.runtime.unmarshaller.UnmarshallerImpl;
import org.glassfish.jaxb.runtime.v2.runtime.unmarshaller.XmlVisitor;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Feeds a DOM to the JAXB runtime's unmarshaller with each text passed as the DOM's own string.
 * JAXB's {@code unmarshal(Node)} copies every text into a new {@code char[]}, then into a growing
 * buffer, then into a new string before parsing it: four times a delivery's size for its base64
 * payload. Here the payload's string goes straight to the parser of its type.
 *
 * <p>It does what the runtime's DOM scanner and SAX connector do together, event for event: prefix
 * mappings from the {@code xmlns} attributes, the other attributes, the text of adjacent text and
 * CDATA nodes as one value (comments and processing instructions between them skipped), and
 * whitespace before a child element dropped unless the content is mixed.
 */
final class DomToJaxb {

    /**
     * DOM user data (set by the schema check, never from the input) on an element whose content is
     * a large value of type {@code xs:base64Binary} that passed its lexical check. When such a value
     * is held as several text nodes (a text of megabytes, see {@code HardenedXml}), it is decoded
     * here from those nodes into the bytes, which go to the runtime as its {@link Base64Data} (taken
     * as they are for a binary property), instead of being joined into one string first.
     */
    static final String CHECKED_BASE64 = "org.lexgate.message.checkedBase64";

    private final XmlVisitor visitor;
    private final XmlVisitor.TextPredictor predictor;
    private final Tag tag = new Tag();
    private final AttributesImpl attributes = new AttributesImpl();
    private final List<String> text = new ArrayList<>();
    private final Where where = new Where();

    private DomToJaxb(XmlVisitor visitor) {
        this.visitor = visitor;
        this.predictor = visitor.getPredictor();
    }

    /** Binds the document's root as {@code type}, like {@code unmarshaller.unmarshal(document, type)}. */
    @SuppressWarnings("unchecked")
    static <T> JAXBElement<T> unmarshal(UnmarshallerImpl unmarshaller, Document document, Class<T> type)
            throws JAXBException, SAXException {
        XmlVisitor handler = unmarshaller.createUnmarshallerHandler(null, false, unmarshaller.getBeanInfo(type));
        DomToJaxb scan = new DomToJaxb(new InterningXmlVisitor(handler));
        scan.visitor.startDocument(scan.where, null);
        scan.element(document.getDocumentElement());
        scan.visitor.endDocument();
        return (JAXBElement<T>) scan.visitor.getContext().getResult();
    }

    private void element(Element element) throws SAXException {
        where.node = element;
        attributes.clear();
        NamedNodeMap map = element.getAttributes();
        int declarations = 0;
        for (int i = 0; i < map.getLength(); i++) {
            Attr attr = (Attr) map.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                visitor.startPrefixMapping(prefixDeclaredBy(attr), attr.getValue());
                declarations++;
            } else {
                String local = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
                attributes.addAttribute(nullToEmpty(attr.getNamespaceURI()), local, attr.getName(), "CDATA",
                        attr.getValue());
            }
        }
        flushText(!visitor.getContext().getCurrentState().isMixed());
        tag.set(element, attributes);
        visitor.startElement(tag);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element((Element) child);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.add(child.getNodeValue());
                default -> {
                    // comments and processing instructions are not bound
                }
            }
        }
        where.node = element;
        if (text.size() > 1 && Boolean.TRUE.equals(element.getUserData(CHECKED_BASE64))) {
            flushBase64();
        } else {
            flushText(false);
        }
        tag.set(element, attributes);
        visitor.endElement(tag);
        if (declarations > 0) {
            for (int i = 0; i < map.getLength(); i++) {
                Attr attr = (Attr) map.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
                    visitor.endPrefixMapping(prefixDeclaredBy(attr));
                }
            }
        }
    }

    /** Passes the text gathered since the last element event, if the binding expects one. */
    private void flushText(boolean ignorable) throws SAXException {
        if (text.isEmpty()) {
            if (predictor.expectText() && !ignorable) {
                visitor.text(""); // as the SAX connector does for an empty element
            }
            return;
        }
        String value = text.size() == 1 ? text.get(0) : String.join("", text);
        text.clear();
        if (predictor.expectText() && (!ignorable || !WhiteSpaceProcessor.isWhiteSpace(value))) {
            visitor.text(value);
        }
    }

    /** Passes a checked base64 value held in several texts as its decoded bytes, without joining the texts. */
    private void flushBase64() throws SAXException {
        byte[] bytes = Base64Lexical.decode(text);
        text.clear();
        if (predictor.expectText()) {
            Base64Data data = new Base64Data();
            data.set(bytes, null);
            visitor.text(data);
        }
    }

    private static String prefixDeclaredBy(Attr xmlns) {
        return "xmlns".equals(xmlns.getName()) ? "" : xmlns.getLocalName();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The element being reported; the attributes are read only during the call that passes them. */
    private static final class Tag extends TagName {
        private String qname;

        void set(Element element, AttributesImpl attributes) {
            uri = nullToEmpty(element.getNamespaceURI());
            local = element.getLocalName() == null ? element.getTagName() : element.getLocalName();
            qname = element.getTagName();
            atts = attributes;
        }

        @Override
        public String getQname() {
            return qname;
        }
    }

    /** Where a binding event happened: the DOM node (a DOM has no line numbers). */
    private static final class Where implements LocatorEx {
        private Node node;

        @Override
        public ValidationEventLocator getLocation() {
            return new ValidationEventLocatorImpl(node);
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return null;
        }

        @Override
        public int getLineNumber() {
            return -1;
        }

        @Override
        public int getColumnNumber() {
            return -1;
        }
    }
}
