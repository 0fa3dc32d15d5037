package org.lexgate.soap;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.ws.policy.AssertionInfo;
import org.apache.cxf.ws.policy.AssertionInfoMap;
import org.apache.cxf.ws.policy.PolicyException;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.policy.SPConstants;
import org.lexgate.message.ErrorCode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Maps every way CXF and WSS4J can refuse a hop to one lexgate error code. WSS4J's own fault text
 * never reaches the peer; it goes into {@link HopFailure#detail()} for the log.
 *
 * <table>
 *   <caption>What is detected where, and the code it gets</caption>
 *   <tr><th>failure</th><th>detected by</th><th>code</th></tr>
 *   <tr><td>Timestamp Created + signature seen before</td>
 *       <td>WSS4J SignatureProcessor with our {@link JdbcReplayCache}: InvalidSecurity "invalidTimestamp"</td>
 *       <td>9302 HOP_REPLAY</td></tr>
 *   <tr><td>Expires passed, or Created older than the TTL</td>
 *       <td>WSS4J TimestampValidator: MessageExpired; Created not in the future</td>
 *       <td>9303 HOP_TIMESTAMP_EXPIRED</td></tr>
 *   <tr><td>Created further ahead than the clock skew</td>
 *       <td>WSS4J TimestampValidator: MessageExpired; Created in the future</td>
 *       <td>9304 HOP_TIMESTAMP_IN_FUTURE</td></tr>
 *   <tr><td>Timestamp without Expires</td>
 *       <td>WSS4J TimestampValidator (requireTimestampExpires): SecurityError "invalidTimestamp"</td>
 *       <td>9305 HOP_TIMESTAMP_INVALID</td></tr>
 *   <tr><td>no Timestamp, or an unsigned one</td>
 *       <td>policy: sp:IncludeTimestamp not asserted</td><td>9305 HOP_TIMESTAMP_INVALID</td></tr>
 *   <tr><td>Body not signed</td><td>policy: sp:SignedParts not asserted</td><td>9306 HOP_BODY_NOT_SIGNED</td></tr>
 *   <tr><td>no security header, bad signature, untrusted certificate, wrong algorithm, layout, ...</td>
 *       <td>WSS4J or policy, anything else</td><td>9301 HOP_SECURITY_INVALID</td></tr>
 *   <tr><td>replay store down</td><td>{@link JdbcReplayCache.ReplayStoreUnavailableException}</td>
 *       <td>3019 TEMPORARILY_UNAVAILABLE</td></tr>
 *   <tr><td>not XML</td><td>StAX / SAAJ parse errors</td><td>9001 NOT_WELL_FORMED</td></tr>
 * </table>
 * The neighbour check ({@code 9307}) and the handler's refusals are decided in {@link HopService}.
 */
final class HopFailures {

    private HopFailures() {
    }

    /**
     * Classifies one failure of the inbound processing.
     *
     * @param message the message being processed when it failed, or null when not at hand; with it
     *                the classification can tell an expired from a future Timestamp and read
     *                which policy assertion failed
     */
    static HopFailure classify(Throwable failure, Message message) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JdbcReplayCache.ReplayStoreUnavailableException) {
                return HopFailure.internal(ErrorCode.TEMPORARILY_UNAVAILABLE, t.getMessage());
            }
            if (t instanceof WSSecurityException wse) {
                return HopFailure.refused(ofWss4j(wse, message), "WS-Security: " + wse.getMessage());
            }
            if (t instanceof PolicyException) {
                return ofPolicy(message, t.getMessage());
            }
            if (t instanceof XMLStreamException || t instanceof SOAPException
                    || t instanceof org.xml.sax.SAXException) {
                return HopFailure.refused(ErrorCode.NOT_WELL_FORMED, "unreadable SOAP message: " + t.getMessage());
            }
        }
        if (failure instanceof Fault) {
            // The SOAP binding refused the request (unknown operation, wrong SOAP version, ...).
            return HopFailure.refused(ErrorCode.GENERAL_BUSINESS_LOGIC_ERROR, "SOAP request refused: " + failure.getMessage());
        }
        return HopFailure.internal(ErrorCode.GENERAL_BUSINESS_LOGIC_ERROR, String.valueOf(failure));
    }

    private static ErrorCode ofWss4j(WSSecurityException e, Message message) {
        boolean timestampKey = "invalidTimestamp".equals(e.getMsgID());
        WSSecurityException.ErrorCode code = e.getErrorCode();
        if (timestampKey && code == WSSecurityException.ErrorCode.INVALID_SECURITY) {
            return ErrorCode.HOP_REPLAY; // SignatureProcessor.testMessageReplay, the only user of this pair
        }
        if (code == WSSecurityException.ErrorCode.MESSAGE_EXPIRED) {
            Optional<Instant> created = timestampCreated(message);
            return created.isPresent() && created.get().isAfter(Instant.now())
                    ? ErrorCode.HOP_TIMESTAMP_IN_FUTURE
                    : ErrorCode.HOP_TIMESTAMP_EXPIRED;
        }
        if (timestampKey) {
            return ErrorCode.HOP_TIMESTAMP_INVALID; // no Expires (requireTimestampExpires)
        }
        return ErrorCode.HOP_SECURITY_INVALID;
    }

    private static HopFailure ofPolicy(Message message, String policyText) {
        AssertionInfoMap aim = message == null ? null : message.get(AssertionInfoMap.class);
        List<String> failed = new ArrayList<>();
        if (aim != null) {
            for (Collection<AssertionInfo> infos : aim.values()) {
                for (AssertionInfo info : infos) {
                    if (!info.isAsserted()) {
                        failed.add(info.getAssertion().getName().getLocalPart()
                                + (info.getErrorMessage() == null ? "" : " (" + info.getErrorMessage() + ")"));
                    }
                }
            }
        }
        String detail = "policy not met: " + (failed.isEmpty() ? policyText : String.join("; ", failed));
        if (message == null || !hasVerifiedSignature(message)) {
            return HopFailure.refused(ErrorCode.HOP_SECURITY_INVALID, detail);
        }
        if (notAsserted(aim, SPConstants.INCLUDE_TIMESTAMP)) {
            return HopFailure.refused(ErrorCode.HOP_TIMESTAMP_INVALID, detail);
        }
        if (notAsserted(aim, SPConstants.SIGNED_PARTS)) {
            return HopFailure.refused(ErrorCode.HOP_BODY_NOT_SIGNED, detail);
        }
        return HopFailure.refused(ErrorCode.HOP_SECURITY_INVALID, detail);
    }

    private static boolean notAsserted(AssertionInfoMap aim, String localName) {
        if (aim == null) {
            return false;
        }
        for (Collection<AssertionInfo> infos : aim.values()) {
            for (AssertionInfo info : infos) {
                if (!info.isAsserted() && localName.equals(info.getAssertion().getName().getLocalPart())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasVerifiedSignature(Message message) {
        if (!(message.get(WSHandlerConstants.RECV_RESULTS) instanceof List<?> results)) {
            return false;
        }
        for (Object r : results) {
            if (r instanceof WSHandlerResult hr) {
                List<WSSecurityEngineResult> signs = hr.getActionResults().get(WSConstants.SIGN);
                if (signs != null && !signs.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The Created of the first wsu:Timestamp in the SOAP header, if it can be read. */
    static Optional<Instant> timestampCreated(Message message) {
        if (message == null) {
            return Optional.empty();
        }
        try {
            SOAPMessage saaj = message.getContent(SOAPMessage.class);
            if (saaj == null || saaj.getSOAPHeader() == null) {
                return Optional.empty();
            }
            NodeList timestamps = saaj.getSOAPHeader().getElementsByTagNameNS(WSConstants.WSU_NS, "Timestamp");
            if (timestamps.getLength() == 0) {
                return Optional.empty();
            }
            for (Node n = timestamps.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && WSConstants.WSU_NS.equals(e.getNamespaceURI())
                        && "Created".equals(e.getLocalName())) {
                    return Optional.of(ZonedDateTime.parse(e.getTextContent().trim()).toInstant());
                }
            }
        } catch (SOAPException | DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
