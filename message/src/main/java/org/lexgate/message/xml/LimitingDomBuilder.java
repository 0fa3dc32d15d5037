package org.lexgate.message.xml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds a DOM from SAX events while enforcing {@link XmlLimits}, in the same single pass as the
 * parse: a breach stops the parser at once, before the rest of the input is read.
 *
 * <p>It also refuses what a plain HI-1 message never contains: any document type declaration
 * (with a finer code when it declares an external entity or an internal one, which would be
 * expanded), XInclude elements, and encodings other than UTF-8.
 */
final class LimitingDomBuilder extends DefaultHandler implements LexicalHandler, DeclHandler {

    static final String XINCLUDE_NS = "http://www.w3.org/2001/XInclude";
    static final String XINCLUDE_NS_2003 = "http://www.w3.org/2003/XInclude";

    private static final java.util.Set<String> PREDEFINED_ENTITIES = java.util.Set.of("amp", "lt", "gt", "apos", "quot");

    private final XmlLimits limits;
    private final Document document;
    private final List<String[]> pendingPrefixes = new ArrayList<>();
    private final TextChunks text = new TextChunks();
    private Node current;
    private Locator locator;
    private int depth;
    private int elements;
    private boolean inCdata;
    private boolean inDtd;

    LimitingDomBuilder(XmlLimits limits, Document document) {
        this.limits = limits;
        this.document = document;
        this.current = document;
    }

    Document document() {
        return document;
    }

    boolean inDtd() {
        return inDtd;
    }

    // --- document type: refused, with the finest code that applies ---

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
        inDtd = true;
        if (publicId != null || systemId != null) {
            throw reject(ErrorCode.EXTERNAL_ENTITY_FORBIDDEN, "DOCTYPE names an external DTD: " + systemId);
        }
    }

    @Override
    public void endDTD() throws SAXException {
        throw reject(ErrorCode.DOCTYPE_FORBIDDEN, "document type declaration");
    }

    @Override
    public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
        throw reject(ErrorCode.EXTERNAL_ENTITY_FORBIDDEN, "external entity declared: " + name);
    }

    @Override
    public void internalEntityDecl(String name, String value) throws SAXException {
        throw reject(ErrorCode.ENTITY_EXPANSION_FORBIDDEN, "internal entity declared: " + name);
    }

    @Override
    public void elementDecl(String name, String model) throws SAXException {
        throw reject(ErrorCode.DOCTYPE_FORBIDDEN, "element declaration in a DOCTYPE");
    }

    @Override
    public void attributeDecl(String eName, String aName, String type, String mode, String value)
            throws SAXException {
        throw reject(ErrorCode.DOCTYPE_FORBIDDEN, "attribute declaration in a DOCTYPE");
    }

    @Override
    public void notationDecl(String name, String publicId, String systemId) throws SAXException {
        throw reject(ErrorCode.DOCTYPE_FORBIDDEN, "notation declaration in a DOCTYPE");
    }

    @Override
    public void unparsedEntityDecl(String name, String publicId, String systemId, String notation)
            throws SAXException {
        throw reject(ErrorCode.EXTERNAL_ENTITY_FORBIDDEN, "unparsed entity declared: " + name);
    }

    @Override
    public void startEntity(String name) throws SAXException {
        if (!"[dtd]".equals(name) && !PREDEFINED_ENTITIES.contains(name)) {
            throw reject(ErrorCode.ENTITY_EXPANSION_FORBIDDEN, "entity reference: " + name);
        }
    }

    @Override
    public void endEntity(String name) {
        // nothing: startEntity refuses every entity
    }

    @Override
    public org.xml.sax.InputSource resolveEntity(String publicId, String systemId) throws SAXException {
        throw reject(ErrorCode.EXTERNAL_ENTITY_FORBIDDEN, "external entity requested: " + systemId);
    }

    // --- elements ---

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
        pendingPrefixes.add(new String[] {prefix, uri});
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
            throws SAXException {
        if (elements == 0) {
            checkDeclaration();
        }
        flushText();
        if (++depth > limits.maxDepth()) {
            throw reject(ErrorCode.DEPTH_LIMIT_EXCEEDED, "depth exceeds " + limits.maxDepth());
        }
        if (++elements > limits.maxElements()) {
            throw reject(ErrorCode.ELEMENT_LIMIT_EXCEEDED, "more than " + limits.maxElements() + " elements");
        }
        if (attributes.getLength() + pendingPrefixes.size() > limits.maxAttributes()) {
            throw reject(ErrorCode.ATTRIBUTE_LIMIT_EXCEEDED,
                    "element " + qName + " has more than " + limits.maxAttributes() + " attributes");
        }
        if (XINCLUDE_NS.equals(uri) || XINCLUDE_NS_2003.equals(uri)) {
            throw reject(ErrorCode.XINCLUDE_FORBIDDEN, "XInclude element " + qName);
        }
        Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
        for (String[] mapping : pendingPrefixes) {
            String name = mapping[0].isEmpty() ? "xmlns" : "xmlns:" + mapping[0];
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, mapping[1]);
        }
        pendingPrefixes.clear();
        for (int i = 0; i < attributes.getLength(); i++) {
            String value = attributes.getValue(i);
            if (value.length() > limits.maxAttributeChars()) {
                throw reject(ErrorCode.TEXT_LIMIT_EXCEEDED,
                        "attribute value longer than " + limits.maxAttributeChars() + " characters");
            }
            String attributeUri = attributes.getURI(i);
            if (XINCLUDE_NS.equals(attributeUri) || XINCLUDE_NS_2003.equals(attributeUri)) {
                throw reject(ErrorCode.XINCLUDE_FORBIDDEN, "XInclude attribute " + attributes.getQName(i));
            }
            element.setAttributeNS(attributeUri.isEmpty() ? null : attributeUri, attributes.getQName(i), value);
        }
        current.appendChild(element);
        current = element;
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        flushText();
        depth--;
        current = current.getParentNode();
    }

    // --- character content ---

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (text.length() + length > limits.maxTextChars()) {
            throw reject(ErrorCode.TEXT_LIMIT_EXCEEDED, "text longer than " + limits.maxTextChars() + " characters");
        }
        boolean splittable = !inCdata && current != document;
        text.append(ch, start, length, splittable);
        if (splittable) {
            for (String full : text.takeFull()) { // a text of megabytes: consecutive text nodes, see TextChunks
                current.appendChild(document.createTextNode(full));
            }
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    @Override
    public void startCDATA() throws SAXException {
        flushText();
        inCdata = true;
    }

    @Override
    public void endCDATA() throws SAXException {
        if (current != document) {
            current.appendChild(document.createCDATASection(text.take()));
        }
        text.clear();
        inCdata = false;
    }

    @Override
    public void comment(char[] ch, int start, int length) throws SAXException {
        if (inDtd) {
            return;
        }
        if (length > limits.maxTextChars()) {
            throw reject(ErrorCode.TEXT_LIMIT_EXCEEDED, "comment longer than " + limits.maxTextChars() + " characters");
        }
        flushText();
        current.appendChild(document.createComment(new String(ch, start, length)));
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        if (data.length() > limits.maxTextChars()) {
            throw reject(ErrorCode.TEXT_LIMIT_EXCEEDED, "processing instruction longer than " + limits.maxTextChars());
        }
        flushText();
        current.appendChild(document.createProcessingInstruction(target, data));
    }

    private void flushText() {
        if (text.isEmpty() || inCdata) {
            return;
        }
        if (current != document) { // text outside the root is only whitespace; DOM does not keep it
            current.appendChild(document.createTextNode(text.take()));
        }
        text.clear();
    }

    private void checkDeclaration() throws SAXException {
        if (locator instanceof Locator2 declaration) {
            String encoding = declaration.getEncoding();
            if (encoding != null && !"UTF-8".equalsIgnoreCase(encoding) && !"UTF8".equalsIgnoreCase(encoding)) {
                throw reject(ErrorCode.UNSUPPORTED_ENCODING, "encoding " + encoding + " (only UTF-8 is accepted)");
            }
            if ("1.1".equals(declaration.getXMLVersion())) {
                throw reject(ErrorCode.NOT_WELL_FORMED, "XML 1.1 is not accepted");
            }
        }
    }

    // --- errors ---

    @Override
    public void warning(org.xml.sax.SAXParseException e) {
        // warnings carry nothing we act on
    }

    @Override
    public void error(org.xml.sax.SAXParseException e) throws SAXException {
        throw e;
    }

    @Override
    public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
        throw e;
    }

    private static RejectionSignal reject(ErrorCode code, String detail) {
        return new RejectionSignal(new MessageRejectedException(code, detail));
    }
}
