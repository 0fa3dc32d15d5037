package org.lexgate.message.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The one way lexgate turns untrusted bytes into a DOM: one streaming SAX pass that checks the
 * {@link XmlLimits} and builds the DOM as it goes. No DOCTYPE (refused as soon as it is seen, with
 * a finer code when it declares entities), no external entities, no XInclude, nothing fetched.
 *
 * <p>The JDK's own {@code jdk.xml.*} limits are set so that lexgate's fire first with their own
 * code: the depth limit is switched off in the JDK (lexgate counts exactly), and the JDK's
 * attribute limit is set to lexgate's and its refusal mapped to the same code. Entity size limits
 * never come into play because the first entity declaration stops the parse.
 *
 * <p>Every method is thread-safe; each call uses its own parser.
 */
public final class HardenedXml {

    private static final String JDK_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/";
    private static final String JDK_ATTRIBUTE_LIMIT_CODE = "JAXP00010002";

    private HardenedXml() {
    }

    /** Parses untrusted bytes into a namespace-aware DOM under the default limits. */
    public static Document parse(byte[] bytes) throws MessageRejectedException {
        return parse(bytes, XmlLimits.defaults());
    }

    /** Parses untrusted bytes into a namespace-aware DOM under the given limits. */
    public static Document parse(byte[] bytes, XmlLimits limits) throws MessageRejectedException {
        if (bytes.length > limits.maxBytes()) {
            throw new MessageRejectedException(ErrorCode.MESSAGE_TOO_LARGE,
                    "document of " + bytes.length + " bytes exceeds " + limits.maxBytes());
        }
        return read(new ByteArrayInputStream(bytes), limits, null);
    }

    /**
     * Reads untrusted XML from a stream into a DOM, refusing it as soon as a limit is passed: at
     * most {@code limits.maxBytes() + 1} bytes are read. The stream is not closed.
     *
     * @param copy when not null, receives the exact bytes read (for a caller that must keep them)
     */
    public static Document read(InputStream in, XmlLimits limits, ByteArrayOutputStream copy)
            throws MessageRejectedException {
        LimitingDomBuilder builder;
        try {
            builder = new LimitingDomBuilder(limits, newDocument());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser not configurable", e);
        }
        try {
            XMLReader reader = newReader(limits, builder);
            InputSource source = new InputSource(new BoundedInputStream(in, limits.maxBytes(), copy));
            reader.parse(source);
            return builder.document();
        } catch (SAXException | IOException | RuntimeException e) {
            throw classify(e, builder, limits);
        }
    }

    private static MessageRejectedException classify(Exception e, LimitingDomBuilder builder, XmlLimits limits) {
        MessageRejectedException rejected = RejectionSignal.find(e);
        if (rejected != null) {
            return rejected;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BoundedInputStream.TooLargeException) {
                return new MessageRejectedException(ErrorCode.MESSAGE_TOO_LARGE,
                        "document exceeds " + limits.maxBytes() + " bytes", e);
            }
        }
        String detail = "XML parse failed: " + e.getMessage() + where(e);
        if (String.valueOf(e.getMessage()).startsWith(JDK_ATTRIBUTE_LIMIT_CODE)) {
            return new MessageRejectedException(ErrorCode.ATTRIBUTE_LIMIT_EXCEEDED, detail, e);
        }
        if (builder.inDtd()) {
            return new MessageRejectedException(ErrorCode.DOCTYPE_FORBIDDEN, detail, e);
        }
        return new MessageRejectedException(ErrorCode.NOT_WELL_FORMED, detail, e);
    }

    private static String where(Exception e) {
        return e instanceof SAXParseException p ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")" : "";
    }

    private static XMLReader newReader(XmlLimits limits, LimitingDomBuilder builder)
            throws SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        SAXParser parser;
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // DOCTYPEs are refused by the handler, which tells a plain DOCTYPE from entity declarations
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            parser = factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser not configurable", e);
        }
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        parser.setProperty(JDK_PROPERTY + "elementAttributeLimit", String.valueOf(limits.maxAttributes()));
        parser.setProperty(JDK_PROPERTY + "maxElementDepth", "0");
        XMLReader reader = parser.getXMLReader();
        reader.setContentHandler(builder);
        reader.setErrorHandler(builder);
        reader.setEntityResolver(builder);
        reader.setDTDHandler(builder);
        reader.setProperty("http://xml.org/sax/properties/lexical-handler", builder);
        reader.setProperty("http://xml.org/sax/properties/declaration-handler", builder);
        return reader;
    }

    private static Document newDocument() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().newDocument();
    }
}
