package org.lexgate.soap;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapVersion;
import org.lexgate.message.ErrorCode;
import org.lexgate.wsdl.generated.HopError;
import org.lexgate.wsdl.generated.HopError_Exception;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The one shape of every hop refusal on the wire: a SOAP Sender fault whose reason is the code's
 * safe text and whose detail is a {@code HopError} (code, safe text, retryable), as the WSDL
 * declares it. Nothing else about the failure leaves the node.
 */
final class HopFaults {

    static final String NS = "http://lexgate.org/ns/hop/1";
    static final QName HOP_ERROR = new QName(NS, "HopError");

    private HopFaults() {
    }

    /** The declared fault, thrown by the service implementation. */
    static HopError_Exception declared(ErrorCode code) {
        HopError error = new HopError();
        error.setCode(code.code());
        error.setText(code.safeText());
        error.setRetryable(code.isTransient());
        return new HopError_Exception(code.safeText(), error);
    }

    /** The same fault built by hand, for refusals that happen before the service is invoked. */
    static SoapFault soapFault(ErrorCode code, SoapVersion version) {
        SoapVersion v = version == null ? Soap12.getInstance() : version;
        // Sender: the message is at fault and will never pass; Receiver: this node is, retry later.
        SoapFault fault = new SoapFault(code.safeText(), code.isTransient() ? v.getReceiver() : v.getSender());
        Element detail = fault.getOrCreateDetail();
        Document doc = detail.getOwnerDocument();
        Element error = doc.createElementNS(NS, "lx:HopError");
        error.appendChild(child(doc, "Code", Integer.toString(code.code())));
        error.appendChild(child(doc, "Text", code.safeText()));
        error.appendChild(child(doc, "Retryable", Boolean.toString(code.isTransient())));
        detail.appendChild(error);
        return fault;
    }

    private static Element child(Document doc, String name, String text) {
        Element e = doc.createElementNS(NS, "lx:" + name);
        e.setTextContent(text);
        return e;
    }
}
