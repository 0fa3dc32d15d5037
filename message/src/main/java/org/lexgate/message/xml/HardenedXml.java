package org.lexgate.message.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
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
 * <p>Every method is thread-safe. Building a configured parser costs about as much as parsing a
 * small message, so each thread keeps one ({@link ReusableParser}) and uses it for one parse at a
 * time: the security features are fixed when it is built, the limit properties and the handlers
 * are set again for every call (limits may differ from call to call), and the handlers are removed
 * after the call so that the parser does not keep a document alive. A parser whose parse failed, or
 * that read more than a megabyte, is dropped and the next call builds a fresh one, so a hostile
 * document never leaves state behind and a large one leaves no grown buffers.
 */
public final class HardenedXml {

    private static final String JDK_ATTRIBUTE_LIMIT_CODE = "JAXP00010002";
    /** A parser that has read more than this is not kept for the next parse (its buffers may have grown). */
    private static final long REUSE_AFTER_AT_MOST_BYTES = 1024 * 1024;
    private static final DOMImplementation DOM = domImplementation();

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
     * Parses untrusted bytes of known {@code length}, given as a stream (the pieces a request body
     * arrived in, say), exactly as {@link #parse(byte[], XmlLimits)} parses the same bytes in one array.
     * The stream is not closed.
     */
    public static Document parse(InputStream bytes, long length, XmlLimits limits) throws MessageRejectedException {
        if (length > limits.maxBytes()) {
            throw new MessageRejectedException(ErrorCode.MESSAGE_TOO_LARGE,
                    "document of " + length + " bytes exceeds " + limits.maxBytes());
        }
        return read(bytes, limits, null);
    }

    /**
     * Reads untrusted XML from a stream into a DOM, refusing it as soon as a limit is passed: at
     * most {@code limits.maxBytes() + 1} bytes are read. The stream is not closed.
     *
     * @param copy when not null, receives the exact bytes read (for a caller that must keep them)
     */
    public static Document read(InputStream in, XmlLimits limits, ByteArrayOutputStream copy)
            throws MessageRejectedException {
        LimitingDomBuilder builder = new LimitingDomBuilder(limits, newDocument());
        ReusableParser parser = ReusableParser.acquire();
        BoundedInputStream bounded = new BoundedInputStream(in, limits.maxBytes(), copy);
        boolean clean = false;
        try {
            XMLReader reader = parser.prepare(limits, builder);
            reader.parse(new InputSource(bounded));
            clean = true;
            return builder.document();
        } catch (SAXException | IOException | RuntimeException e) {
            throw classify(e, builder, limits);
        } finally {
            // after a large document the parser's buffers have grown: let them go with it
            parser.release(clean && bounded.count() <= REUSE_AFTER_AT_MOST_BYTES);
        }
    }

    /**
     * An empty namespace-aware DOM document, from one shared {@link DOMImplementation} (creating a
     * document through it is thread-safe and does not build a factory).
     */
    public static Document newDocument() {
        return DOM.createDocument(null, null, null);
    }

    /**
     * Checks a DOM built in memory (not parsed, e.g. marshalled by JAXB) against the same
     * {@link XmlLimits} the parser enforces on bytes — depth, number of elements, attributes per
     * element (namespace declarations included), characters per text node, comment, processing
     * instruction and attribute value — refusing a breach with the parser's code; and a character
     * that XML 1.0 does not allow (the parser would find the serialised DOM not well-formed). The
     * byte size ({@code maxBytes}) is not checked: a DOM has none until it is serialised.
     */
    public static void checkLimits(Document document, XmlLimits limits) throws MessageRejectedException {
        DomLimits.check(document, limits);
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

    private static DOMImplementation domImplementation() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser not configurable", e);
        }
    }

    /**
     * Removes every comment and joins the text nodes it split. Comments are outside every accepted
     * canonicalisation, so anyone can add them to a signed message without breaking its signature
     * (e.g. {@code XA-<!---->AGENCY}, read as "XA-" by a careless reader): a verified DOM keeps only
     * what was signed.
     */
    public static void removeComments(Document doc) {
        List<Node> comments = new ArrayList<>();
        collectComments(doc, comments);
        if (!comments.isEmpty()) {
            comments.forEach(c -> c.getParentNode().removeChild(c));
            doc.normalize();
        }
    }

    private static void collectComments(Node node, List<Node> comments) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.COMMENT_NODE) {
                comments.add(child);
            } else if (child.hasChildNodes()) {
                collectComments(child, comments);
            }
        }
    }
}
