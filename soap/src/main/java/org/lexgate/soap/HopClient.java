package org.lexgate.soap;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.lexgate.message.ErrorCode;
import org.lexgate.wsdl.generated.Hi1Hop;
import org.lexgate.wsdl.generated.Hi1HopService;
import org.lexgate.wsdl.generated.HopError;
import org.lexgate.wsdl.generated.HopError_Exception;
import org.lexgate.wsdl.generated.SubmitRequest;
import org.lexgate.wsdl.generated.SubmitResponse;

/**
 * Hands signed messages to one neighbour's {@link HopEndpoint} and returns its signed receipts.
 * The request is signed with this node's hop key under the WSDL's policy (signed Timestamp with
 * Expires, signed Body); the response must be signed the same way by a certificate that chains to
 * the hop truststore and that the {@link NeighbourPolicy} names as the expected neighbour.
 *
 * <p>Thread-safe; one client per destination. Close it to free its CXF bus. The client logs
 * nothing itself: every failure reaches the caller as a {@link HopException}.
 */
public final class HopClient implements AutoCloseable {

    private final URI address;
    private final Bus bus;
    private final Hi1Hop port;
    private final NeighbourPolicy neighbours;

    private HopClient(URI address, Bus bus, Hi1Hop port, NeighbourPolicy neighbours) {
        this.address = address;
        this.bus = bus;
        this.port = port;
        this.neighbours = neighbours;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI address() {
        return address;
    }

    /**
     * Sends one signed message and returns the receipt bytes exactly as the neighbour sent them
     * (their own document signature is for the caller to verify).
     *
     * @throws HopException when the neighbour refused the message, could not be reached, or its
     *                      answer failed the hop checks
     */
    public byte[] submit(byte[] message) throws HopException {
        Objects.requireNonNull(message, "message");
        SubmitRequest request = new SubmitRequest();
        request.setMessage(message);
        SubmitResponse response;
        try {
            response = port.submit(request);
        } catch (HopError_Exception e) {
            HopError error = e.getFaultInfo();
            if (error == null) {
                throw HopException.local(HopException.Kind.UNREACHABLE, ErrorCode.DELIVERY_FAILED,
                        "fault without HopError detail: " + e.getMessage(), e);
            }
            throw new HopException(HopException.Kind.REFUSED, error.getCode(), error.getText(), error.isRetryable(),
                    null, null);
        } catch (SOAPFaultException e) {
            throw HopException.local(HopException.Kind.UNREACHABLE, ErrorCode.DELIVERY_FAILED,
                    "undeclared SOAP fault: " + e.getMessage(), e);
        } catch (WebServiceException e) {
            throw failure(e);
        }
        if (response == null || response.getReceipt() == null || response.getReceipt().length == 0) {
            throw HopException.local(HopException.Kind.RESPONSE_REJECTED, ErrorCode.MISSING_INFORMATION,
                    "the response carried no receipt", null);
        }
        checkResponder();
        return response.getReceipt();
    }

    /** The response signer must be the neighbour this client sends to. */
    private void checkResponder() throws HopException {
        Map<String, Object> context = ((BindingProvider) port).getResponseContext();
        Message view = new MessageImpl();
        view.putAll(context);
        Optional<X509Certificate> signer;
        try {
            signer = HopSigner.of(view);
        } catch (IllegalStateException e) {
            throw HopException.local(HopException.Kind.RESPONSE_REJECTED, ErrorCode.HOP_SECURITY_INVALID,
                    e.getMessage(), null);
        }
        if (signer.isEmpty()) {
            throw HopException.local(HopException.Kind.RESPONSE_REJECTED, ErrorCode.HOP_SECURITY_INVALID,
                    "the response carried no verified signature", null);
        }
        if (neighbours.check(signer.get()) instanceof NeighbourPolicy.NotNeighbour refused) {
            throw HopException.local(HopException.Kind.RESPONSE_REJECTED, ErrorCode.HOP_SIGNER_NOT_NEIGHBOUR,
                    refused.reason(), null);
        }
    }

    private HopException failure(WebServiceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return HopException.local(HopException.Kind.UNREACHABLE, ErrorCode.DELIVERY_FAILED,
                        address + ": " + t, e);
            }
        }
        HopFailure failure = HopFailures.classify(e, null);
        return HopException.local(HopException.Kind.RESPONSE_REJECTED, failure.code(), failure.detail(), e);
    }

    /** The CXF client behind this hop client, for tests that watch the wire. */
    Client cxfClient() {
        return ClientProxy.getClient(port);
    }

    @Override
    public void close() {
        try {
            ClientProxy.getClient(port).destroy();
        } finally {
            bus.shutdown(true);
        }
    }

    /** Builds a {@link HopClient}. Address, security and neighbours are required. */
    public static final class Builder {
        private URI address;
        private HopSecurity security;
        private NeighbourPolicy neighbours;
        private HopTls tls;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration receiveTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The neighbour's hop endpoint. */
        public Builder address(URI address) {
            this.address = address;
            return this;
        }

        /** This node's hop keys and the Timestamp rules. */
        public Builder security(HopSecurity security) {
            this.security = security;
            return this;
        }

        /** Which response signers are the neighbour this client sends to. */
        public Builder neighbours(NeighbourPolicy neighbours) {
            this.neighbours = neighbours;
            return this;
        }

        /** TLS settings for an https address (this node's certificate is offered for mutual TLS). */
        public Builder tls(HopTls tls) {
            this.tls = tls;
            return this;
        }

        /** How long to wait for a connection (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        /** How long to wait for the receipt (default 60 s). */
        public Builder receiveTimeout(Duration receiveTimeout) {
            this.receiveTimeout = Objects.requireNonNull(receiveTimeout);
            return this;
        }

        public HopClient build() {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(neighbours, "neighbours");
            boolean https = "https".equalsIgnoreCase(address.getScheme());
            if (https != (tls != null)) {
                throw new IllegalArgumentException("hop client " + address
                        + ": an https address needs TLS settings, and TLS settings need an https address");
            }
            security.keys().check();
            Bus bus = BusFactory.newInstance().createBus();
            try {
                JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
                factory.setBus(bus);
                factory.setServiceClass(Hi1Hop.class);
                factory.setWsdlLocation(HopWsdl.LOCATION);
                factory.setServiceName(Hi1HopService.SERVICE);
                factory.setEndpointName(Hi1HopService.Hi1HopPort);
                factory.setAddress(address.toString());
                Map<String, Object> properties = security.cxfProperties(null);
                // The caller gets every failure as a HopException and logs it: no CXF stack traces.
                properties.put(FaultListener.class.getName(), (FaultListener) (e, description, m) -> false);
                factory.setProperties(properties);
                Hi1Hop port = (Hi1Hop) factory.create();

                HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
                HTTPClientPolicy policy = new HTTPClientPolicy();
                policy.setConnectionTimeout(connectTimeout.toMillis());
                policy.setReceiveTimeout(receiveTimeout.toMillis());
                conduit.setClient(policy);
                if (tls != null) {
                    conduit.setTlsClientParameters(tls.clientParameters());
                }
                return new HopClient(address, bus, port, neighbours);
            } catch (RuntimeException e) {
                bus.shutdown(true);
                throw e;
            }
        }
    }
}
