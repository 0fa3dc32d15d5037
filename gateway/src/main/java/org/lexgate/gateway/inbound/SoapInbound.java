package org.lexgate.gateway.inbound;

import org.lexgate.message.MessageRejectedException;
import org.lexgate.soap.HopDelivery;
import org.lexgate.soap.HopHandler;

/**
 * The SOAP channel: what a {@code HopEndpoint} does with a message whose hop signature verified. The
 * message runs through the {@link AcceptRoute} synchronously; the signed receipt is the SOAP answer.
 * A refusal becomes the hop's fault with the code and its safe text (the hop contract); the detail
 * goes only to the hop's one log line.
 */
public final class SoapInbound implements HopHandler {

    private final InboundGate gate;

    public SoapInbound(InboundGate gate) {
        this.gate = gate;
    }

    @Override
    public byte[] receive(HopDelivery delivery) throws MessageRejectedException {
        InboundResult result = gate.accept(Channel.SOAP, delivery.message(), delivery.neighbour());
        if (result instanceof InboundResult.Accepted accepted) {
            return accepted.receipt();
        }
        MessageRejectedException refusal = ((InboundResult.Refused) result).refusal();
        throw new MessageRejectedException(refusal.code(), refusal.getMessage());
    }
}
