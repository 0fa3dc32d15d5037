package org.lexgate.soap;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Builds hop requests by hand with WSS4J, so a test controls exactly what is signed and what the
 * Timestamp says, and POSTs raw bytes with {@link HttpClient}. {@link #faultCode} reads the
 * lexgate code out of the answer.
 */
final class RawHop {

    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String CONTENT_TYPE = "application/soap+xml; charset=UTF-8; action=\"http://lexgate.org/ns/hop/1/Submit\"";

    static {
        WSSConfig.init();
    }

    /** What goes into one hand-made request. */
    static final class Spec {
        Instant created = Instant.now();
        int ttlSeconds = 300;         // 0: no Expires
        boolean timestamp = true;
        boolean signTimestamp = true;
        boolean signBody = true;
        Consumer<Document> afterSigning = doc -> { };
    }

    static byte[] build(HopKeys signer, byte[] message, Consumer<Spec> tweak) throws Exception {
        return build(signer, message, tweak, WSConstants.RSA_SHA256);
    }

    static byte[] build(HopKeys signer, byte[] message, Consumer<Spec> tweak, String signatureAlgorithm)
            throws Exception {
        Spec spec = new Spec();
        tweak.accept(spec);
        Document doc = envelope(message);
        WSSecHeader header = new WSSecHeader(doc);
        header.insertSecurityHeader();

        WSSecSignature signature = new WSSecSignature(header);
        signature.setUserInfo(signer.keyAlias(), new String(signer.keyPassword()));
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(signatureAlgorithm);
        signature.setDigestAlgo(WSConstants.SHA256);
        signature.setSigCanonicalization(WSConstants.C14N_EXCL_OMIT_COMMENTS);

        Element timestampElement = null;
        if (spec.timestamp) {
            WSSecTimestamp timestamp = new WSSecTimestamp(header);
            timestamp.setTimeToLive(spec.ttlSeconds);
            Instant created = spec.created;
            timestamp.setWsTimeSource(() -> created);
            timestamp.build();
            timestampElement = timestamp.getElement();
            if (spec.signTimestamp) {
                signature.getParts().add(new WSEncryptionPart(timestamp.getId()));
            }
        }
        if (spec.signBody) {
            signature.getParts().add(new WSEncryptionPart("Body", SOAP12, "Element"));
        }
        Crypto crypto = signer.crypto();
        signature.build(crypto);
        if (timestampElement != null) { // Strict layout, as CXF writes it: Timestamp, token, Signature
            Element security = header.getSecurityHeaderElement();
            security.insertBefore(timestampElement, security.getFirstChild());
        }
        spec.afterSigning.accept(doc);
        return serialise(doc);
    }

    private static Document envelope(byte[] message) throws Exception {
        String xml = "<soap:Envelope xmlns:soap=\"" + SOAP12 + "\"><soap:Header/><soap:Body>"
                + "<lx:SubmitRequest xmlns:lx=\"http://lexgate.org/ns/hop/1\"><lx:Message>"
                + Base64.getEncoder().encodeToString(message)
                + "</lx:Message></lx:SubmitRequest></soap:Body></soap:Envelope>";
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static byte[] serialise(Document doc) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** POSTs raw bytes to the endpoint; returns status and body. */
    static HttpResponse<byte[]> post(URI address, byte[] request) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest r = HttpRequest.newBuilder(address)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build();
        return http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The lexgate code in a hop fault, or -1 when the answer is not a hop fault. */
    static int faultCode(byte[] response) throws Exception {
        Document doc = parse(response);
        NodeList codes = doc.getElementsByTagNameNS(HopFaults.NS, "Code");
        if (doc.getElementsByTagNameNS(SOAP12, "Fault").getLength() != 1 || codes.getLength() != 1) {
            return -1;
        }
        return Integer.parseInt(((Element) codes.item(0)).getTextContent().trim());
    }

    /** The text of the fault's Reason, or null. */
    static String faultReason(byte[] response) throws Exception {
        NodeList texts = parse(response).getElementsByTagNameNS(SOAP12, "Text");
        return texts.getLength() == 0 ? null : texts.item(0).getTextContent();
    }

    static final String SENDER = "soap:Sender";

    /** All text inside the soap:Fault element, concatenated. */
    static String faultText(byte[] response) throws Exception {
        NodeList faults = parse(response).getElementsByTagNameNS(SOAP12, "Fault");
        return faults.getLength() == 0 ? null : faults.item(0).getTextContent();
    }

    /** The number of soap:Subcode elements in the fault (WSS4J's fault codes would be one). */
    static java.util.List<String> faultSubcodes(byte[] response) throws Exception {
        NodeList subcodes = parse(response).getElementsByTagNameNS(SOAP12, "Subcode");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < subcodes.getLength(); i++) {
            out.add(subcodes.item(i).getTextContent());
        }
        return out;
    }

    /** POSTs and returns the fault code (asserting nothing about the HTTP status). */
    static int postForCode(URI address, byte[] request) throws Exception {
        return faultCode(post(address, request).body());
    }
}
