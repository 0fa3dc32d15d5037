package org.lexgate.message.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The one way lexgate turns untrusted bytes into a DOM: no DOCTYPE, no external entities, no
 * XInclude, no schema fetching. (Seed version: the limits on depth, element count, attributes and
 * text size are enforced by the message module's hardened reader.)
 */
public final class HardenedXml {

    private HardenedXml() {
    }

    /** Parses untrusted bytes into a namespace-aware DOM, refusing anything that is not plain XML. */
    public static Document parse(byte[] bytes) throws MessageRejectedException {
        try {
            DocumentBuilder builder = newFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            String detail = String.valueOf(e.getMessage());
            ErrorCode code = detail.contains("DOCTYPE") ? ErrorCode.DOCTYPE_FORBIDDEN : ErrorCode.NOT_WELL_FORMED;
            throw new MessageRejectedException(code, "XML parse failed: " + detail, e);
        } catch (IOException | ParserConfigurationException e) {
            throw new MessageRejectedException(ErrorCode.NOT_WELL_FORMED, "XML parse failed: " + e, e);
        }
    }

    private static DocumentBuilderFactory newFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
