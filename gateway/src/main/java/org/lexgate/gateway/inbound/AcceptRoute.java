package org.lexgate.gateway.inbound;

import org.apache.camel.builder.RouteBuilder;

/**
 * The inbound pipeline every channel shares (issue 4 item 2; DESIGN.md "Inside a node"): from the
 * exact bytes a neighbour handed over to a durably stored message, its signed receipt and its place
 * on the processing queue. Each step is one named processor; any refusal ends in
 * {@link RecordRefusal}. Callers put an {@link InboundState} on the exchange (see {@link InboundGate})
 * and read the outcome back from it.
 */
public final class AcceptRoute extends RouteBuilder {

    /** Where the channels hand messages in. */
    public static final String ENDPOINT = "direct:lexgate.accept";
    public static final String ROUTE_ID = "lexgate-accept";

    private final InboundSteps steps;

    public AcceptRoute(InboundSteps steps) {
        this.steps = steps;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).logExhausted(false).logHandled(false)
                .process(steps.recordRefusal()).id("RecordRefusal");

        from(ENDPOINT).routeId(ROUTE_ID)
                .process(new StripExternalHeaders()).id("StripExternalHeaders")
                .process(steps.parseWithLimits()).id("ParseWithLimits")
                .process(steps.validateSchema()).id("ValidateSchema")
                .process(steps.verifyDocumentSignature()).id("VerifyDocumentSignature")
                .process(steps.authoriseSender()).id("AuthoriseSender")
                .process(steps.checkReceiver()).id("CheckReceiver")
                .process(new RequireRequest()).id("RequireRequest")
                .process(steps.rejectDuplicate()).id("RejectDuplicate")
                .filter(exchangeProperty(RejectDuplicate.STOP).isNull())
                    .process(steps.signReceipt()).id("SignReceipt")
                    .process(steps.storeWithReceipt()).id("StoreWithReceipt")
                .end()
                .process(steps.enqueueForProcessing()).id("EnqueueForProcessing");
    }
}
