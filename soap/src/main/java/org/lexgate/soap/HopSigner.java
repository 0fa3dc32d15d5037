package org.lexgate.soap;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.cxf.message.Message;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;

/**
 * Reads the verified hop signer from WSS4J's results on a CXF message: the certificate of the
 * signature(s) WSS4J verified. There must be exactly one signer; several signatures by different
 * keys in one hop are refused.
 */
final class HopSigner {

    private HopSigner() {
    }

    /**
     * The one certificate that signed this message's security header, or empty when WSS4J
     * verified no signature.
     *
     * @throws IllegalStateException when signatures by more than one certificate were verified
     */
    static Optional<X509Certificate> of(Message message) {
        Object results = message.get(WSHandlerConstants.RECV_RESULTS);
        if (!(results instanceof List<?> handlerResults)) {
            return Optional.empty();
        }
        List<X509Certificate> signers = new ArrayList<>();
        for (Object handlerResult : handlerResults) {
            if (!(handlerResult instanceof WSHandlerResult hr)) {
                continue;
            }
            for (WSSecurityEngineResult r : hr.getResults()) {
                Object action = r.get(WSSecurityEngineResult.TAG_ACTION);
                Object cert = r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                if (Integer.valueOf(WSConstants.SIGN).equals(action) && cert instanceof X509Certificate x509
                        && signers.stream().noneMatch(s -> sameCertificate(s, x509))) {
                    signers.add(x509);
                }
            }
        }
        if (signers.size() > 1) {
            throw new IllegalStateException("the hop carries signatures by " + signers.size() + " different certificates");
        }
        return signers.stream().findFirst();
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }
}
