package org.lexgate.message.xml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a configuration file into a DOM whose elements remember their line, validating it against
 * an XSD on the way and collecting every schema error instead of stopping at the first. Parsing is
 * hardened: no DOCTYPE, no external entities or schemas, secure processing on. Used for lexgate's
 * own configuration files (the party directory, the node configuration), whose errors must name
 * file, line and reason.
 */
public final class LocatedXmlReader {

    /** DOM user-data key of an element's start line (an {@link Integer}). */
    public static final String LINE = "lexgate.line";

    private final Schema schema;

    public LocatedXmlReader(URL schemaResource) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(schemaResource);
        } catch (SAXException e) {
            throw new IllegalStateException("built-in schema " + schemaResource + " does not compile", e);
        }
    }

    /** The line an element started on (0 when unknown). */
    public static int line(Node node) {
        Object line = node == null ? null : node.getUserData(LINE);
        return line instanceof Integer i ? i : 0;
    }

    /**
     * Parses and validates {@code file}. Schema errors are added to {@code errors}; the document is
     * returned even when there are schema errors (so semantic checks can report more), but it is
     * null when the file is not well-formed or cannot be read.
     */
    public Document read(Path file, List<LocatedError> errors) {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Builder builder = new Builder(file, document, errors);
        try (InputStream in = Files.newInputStream(file)) {
            InputSource source = new InputSource(in);
            source.setSystemId(file.toUri().toString());
            newParser().parse(source, builder);
            return document;
        } catch (SAXParseException e) {
            return null; // already recorded by fatalError
        } catch (SAXException e) {
            errors.add(new LocatedError(file, 0, 0, "cannot parse: " + e.getMessage()));
            return null;
        } catch (IOException e) {
            errors.add(new LocatedError(file, 0, 0, "cannot read: " + e));
            return null;
        }
    }

    private SAXParser newParser() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setSchema(schema);
            return factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    /** Builds the DOM from SAX events, stamping each element with its line; collects errors. */
    private static final class Builder extends DefaultHandler {

        /** Xerces' generic follow-up errors, which repeat a precise error just reported for the same spot. */
        private static final Pattern ECHO =
                Pattern.compile("schema: cvc-(type\\.3\\.1\\.3|attribute\\.3|elt\\.5\\.2\\.1|complex-type\\.2\\.2):.*");

        private final Path file;
        private final Document document;
        private final List<LocatedError> errors;
        private final Deque<Node> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;

        Builder(Path file, Document document, List<LocatedError> errors) {
            this.file = file;
            this.document = document;
            this.errors = errors;
            open.push(document);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            Element element = document.createElementNS(uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                String attributeUri = attributes.getURI(i);
                element.setAttributeNS(attributeUri.isEmpty() ? null : attributeUri,
                        attributes.getQName(i), attributes.getValue(i));
            }
            element.setUserData(LINE, locator == null ? 0 : locator.getLineNumber(), null);
            open.peek().appendChild(element);
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flushText() {
            if (text.length() > 0 && open.peek() instanceof Element parent) {
                parent.appendChild(document.createTextNode(text.toString()));
            }
            text.setLength(0);
        }

        @Override
        public void warning(SAXParseException e) {
            // warnings do not stop a node
        }

        @Override
        public void error(SAXParseException e) {
            LocatedError error = at(e, "schema: ");
            if (isEcho(error)) {
                return;
            }
            errors.add(error);
        }

        /**
         * Xerces follows a precise error ("Value 'police' is not facet-valid...") with a generic
         * one for the same spot ("The value 'agency police' of element 'roles' is not valid"):
         * report the precise one only.
         */
        private boolean isEcho(LocatedError error) {
            if (errors.isEmpty() || !ECHO.matcher(error.reason()).matches()) {
                return false;
            }
            LocatedError previous = errors.get(errors.size() - 1);
            return previous.file().equals(error.file()) && previous.line() == error.line();
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            errors.add(at(e, "not well-formed XML: "));
            throw e;
        }

        private LocatedError at(SAXParseException e, String prefix) {
            return new LocatedError(file, e.getLineNumber(), e.getColumnNumber(), prefix + e.getMessage());
        }
    }
}
