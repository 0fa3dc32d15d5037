package org.lexgate.trust.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.xml.HardenedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Test messages and the small DOM tools the forgery tests tamper with. */
final class Fixtures {

    static final String CORE_NS = "http://uri.etsi.org/03120/common/2019/10/Core";
    static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";

    private Fixtures() {
    }

    /** An unsigned LPTask (preservation) request from XA-AGENCY to XB-PROVIDER. */
    static byte[] preservationRequest() {
        return resource("preservation-request.xml");
    }

    /** ETSI TS 103 120 v1.23.1 example request6_signed.xml, unchanged. */
    static byte[] etsiSignedExample() {
        return resource("etsi-request6_signed.xml");
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces exactly one occurrence, failing the test set-up if there is not exactly one. */
    static byte[] replaceOnce(byte[] xml, String from, String to) {
        String s = text(xml);
        int at = s.indexOf(from);
        if (at < 0 || s.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("expected exactly one '" + from + "'");
        }
        return bytes(s.substring(0, at) + to + s.substring(at + from.length()));
    }

    static Document parse(byte[] xml) {
        try {
            return HardenedXml.parse(xml);
        } catch (MessageRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] serialize(Document doc) {
        try {
            Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Element first(Document doc, String ns, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, localName);
        if (nodes.getLength() == 0) {
            throw new IllegalArgumentException("no " + localName);
        }
        return (Element) nodes.item(0);
    }

    static Element signature(Document doc) {
        return first(doc, DS_NS, "Signature");
    }
}
