package org.lexgate.soap;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.wsdl.generated.Hi1Hop;
import org.lexgate.wsdl.generated.HopError_Exception;
import org.lexgate.wsdl.generated.SubmitRequest;
import org.lexgate.wsdl.generated.SubmitResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service behind a {@link HopEndpoint}. CXF calls it only after WS-Security and the policy
 * passed (signature, trust, Timestamp, replay, signed Body); it then checks that the verified
 * signer is a neighbour ({@code 9307}) and hands the exact message bytes to the {@link HopHandler}.
 */
final class HopService implements Hi1Hop {

    private static final Logger LOG = LoggerFactory.getLogger("org.lexgate.soap.hop");

    private final NeighbourPolicy neighbours;
    private final HopHandler handler;

    HopService(NeighbourPolicy neighbours, HopHandler handler) {
        this.neighbours = Objects.requireNonNull(neighbours, "neighbours");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public SubmitResponse submit(SubmitRequest request) throws HopError_Exception {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        X509Certificate signer = verifiedSigner(message);
        String neighbour = neighbourOf(signer, message);
        byte[] bytes = request == null ? null : request.getMessage();
        if (bytes == null || bytes.length == 0) {
            throw refuse(message, ErrorCode.MISSING_INFORMATION, "the hop carried no message");
        }
        byte[] receipt;
        try {
            receipt = handler.receive(new HopDelivery(bytes, signer, neighbour));
        } catch (MessageRejectedException e) {
            throw refuse(message, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("hop handler failed for a message from {} ({}): {}", neighbour, HopFaultListener.peer(message),
                    e.toString(), e);
            throw HopFaults.declared(ErrorCode.TEMPORARILY_UNAVAILABLE);
        }
        if (receipt == null || receipt.length == 0) {
            LOG.error("hop handler returned no receipt for a message from {}", neighbour);
            throw HopFaults.declared(ErrorCode.TEMPORARILY_UNAVAILABLE);
        }
        SubmitResponse response = new SubmitResponse();
        response.setReceipt(receipt);
        return response;
    }

    private X509Certificate verifiedSigner(Message message) throws HopError_Exception {
        Optional<X509Certificate> signer;
        try {
            signer = HopSigner.of(message);
        } catch (IllegalStateException e) {
            throw refuse(message, ErrorCode.HOP_SECURITY_INVALID, e.getMessage());
        }
        if (signer.isEmpty()) { // the policy requires a signature: this would be a configuration error
            throw refuse(message, ErrorCode.HOP_SECURITY_INVALID, "no verified hop signature");
        }
        return signer.get();
    }

    private String neighbourOf(X509Certificate signer, Message message) throws HopError_Exception {
        NeighbourPolicy.Verdict verdict = neighbours.check(signer);
        if (verdict instanceof NeighbourPolicy.Neighbour n) {
            return n.partyId();
        }
        throw refuse(message, ErrorCode.HOP_SIGNER_NOT_NEIGHBOUR, ((NeighbourPolicy.NotNeighbour) verdict).reason());
    }

    private static HopError_Exception refuse(Message message, ErrorCode code, String detail) {
        LOG.warn("hop refused from {}: {} {}: {}", HopFaultListener.peer(message), code.code(), code,
                HopFailure.oneLine(String.valueOf(detail)));
        return HopFaults.declared(code);
    }
}
