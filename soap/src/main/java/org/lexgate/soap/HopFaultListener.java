package org.lexgate.soap;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.lexgate.wsdl.generated.HopError_Exception;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every fault of a {@link HopEndpoint} before CXF logs it or writes it: classifies it
 * ({@link HopFailures}), writes one log line, and replaces it by the safe {@code HopError} fault.
 * CXF's own logging (a stack trace for every refused message, STACK.md pitfall 12) is switched off;
 * only failures of this node itself are logged with their stack trace.
 */
final class HopFaultListener implements FaultListener {

    private static final Logger LOG = LoggerFactory.getLogger("org.lexgate.soap.hop");

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof HopError_Exception declared) {
                // A refusal from HopService, which has logged it already. CXF marks declared faults
                // as Receiver faults; a refusal that will never pass is the Sender's.
                if (exception instanceof Fault fault && declared.getFaultInfo() != null
                        && !declared.getFaultInfo().isRetryable()) {
                    fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
                }
                return false;
            }
        }
        HopFailure failure = HopFailures.classify(exception, message);
        String peer = peer(message);
        if (failure.expected()) {
            LOG.warn("hop refused from {}: {} {}: {}", peer, failure.code().code(), failure.code(), failure.detail());
        } else {
            LOG.error("hop failed from {}: {} {}: {}", peer, failure.code().code(), failure.code(), failure.detail(),
                    exception);
        }
        message.setContent(Exception.class, HopFaults.soapFault(failure.code(),
                message instanceof SoapMessage soap ? soap.getVersion() : null));
        return false;
    }

    static String peer(Message message) {
        Object request = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return request instanceof HttpServletRequest http ? http.getRemoteAddr() + ":" + http.getRemotePort() : "?";
    }
}
