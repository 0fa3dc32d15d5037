package org.lexgate.message.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One hardened SAX parser per thread, for {@link HardenedXml}. Its features (secure processing, no
 * external entities or DTDs, no XInclude, not validating) are set once on the factory that builds
 * it; {@link #prepare} sets every property that can vary or that {@link SAXParser#reset()} restores
 * (external access, the JDK's attribute and depth limits) and the handlers, for each parse.
 *
 * <p>Use: {@link #acquire()}, {@link #prepare}, parse, then always {@link #release}. A parse that
 * did not end cleanly drops the parser; a parse started from inside another one on the same thread
 * (nothing in lexgate does this) gets a parser of its own.
 */
final class ReusableParser {

    private static final String JDK_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/";
    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    private static final String DECLARATION_HANDLER = "http://xml.org/sax/properties/declaration-handler";
    private static final DefaultHandler NONE = new DefaultHandler();
    private static final ThreadLocal<ReusableParser> PER_THREAD = new ThreadLocal<>();

    private final SAXParser parser;
    private final XMLReader reader;
    private boolean inUse;

    private ReusableParser() throws SAXException {
        this.parser = newParser();
        this.reader = parser.getXMLReader();
    }

    /** This thread's parser, or a fresh one when it has none or is using it. */
    static ReusableParser acquire() {
        ReusableParser cached = PER_THREAD.get();
        if (cached != null && !cached.inUse) {
            cached.inUse = true;
            return cached;
        }
        try {
            ReusableParser fresh = new ReusableParser();
            fresh.inUse = true;
            if (cached == null) {
                PER_THREAD.set(fresh);
            }
            return fresh;
        } catch (SAXException e) {
            throw new IllegalStateException("JDK XML parser not configurable", e);
        }
    }

    /** Sets the limits and the handler (content, error, entity, DTD, lexical, declaration) for one parse. */
    XMLReader prepare(XmlLimits limits, LimitingDomBuilder builder) throws SAXException {
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        parser.setProperty(JDK_PROPERTY + "elementAttributeLimit", String.valueOf(limits.maxAttributes()));
        parser.setProperty(JDK_PROPERTY + "maxElementDepth", "0");
        reader.setContentHandler(builder);
        reader.setErrorHandler(builder);
        reader.setEntityResolver(builder);
        reader.setDTDHandler(builder);
        reader.setProperty(LEXICAL_HANDLER, builder);
        reader.setProperty(DECLARATION_HANDLER, builder);
        return reader;
    }

    /**
     * Ends a use: the handlers are detached (the parser must not keep the document alive) and the
     * parser is reset; a parser whose parse failed or whose reset failed is dropped for good.
     */
    void release(boolean clean) {
        inUse = false;
        boolean reusable = clean;
        try {
            reader.setProperty(LEXICAL_HANDLER, null);
            reader.setProperty(DECLARATION_HANDLER, null);
            reader.setEntityResolver(NONE);
            reader.setErrorHandler(NONE);
            parser.reset();
        } catch (SAXException | RuntimeException e) {
            reusable = false;
        }
        if (!reusable && PER_THREAD.get() == this) {
            PER_THREAD.remove();
        }
    }

    private static SAXParser newParser() throws SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // DOCTYPEs are refused by the handler, which tells a plain DOCTYPE from entity declarations
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser not configurable", e);
        }
    }
}
