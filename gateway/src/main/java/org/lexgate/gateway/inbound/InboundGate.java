package org.lexgate.gateway.inbound;

import java.time.Clock;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.store.SignedBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the endpoints that are not Camel consumers (the SOAP hop, the ETSI HTTP POST binding) run a
 * message through the {@link AcceptRoute}, synchronously: a fresh exchange carrying nothing but the
 * bytes and an {@link InboundState}, so no header of the transport reaches the route.
 */
public final class InboundGate {

    private static final Logger LOG = LoggerFactory.getLogger(InboundGate.class);

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Clock clock;

    public InboundGate(CamelContext camel, ProducerTemplate producer, Clock clock) {
        this.camel = camel;
        this.producer = producer;
        this.clock = clock;
    }

    /** Runs one message through the accept route and returns its outcome. */
    public InboundResult accept(Channel channel, byte[] bytes, String neighbour) {
        return accept(channel, SignedBytes.of(bytes), neighbour);
    }

    /** Runs one message, held as one array or in the pieces it arrived in, through the accept route. */
    public InboundResult accept(Channel channel, SignedBytes bytes, String neighbour) {
        InboundState state = newState(channel, bytes, neighbour, clock);
        return result(state, run(state));
    }

    /**
     * Runs a message that came in on the emergency intake (§30) through the same accept route. One
     * that turns out not to be an emergency (not IsEmergency, priority not High, no emergency
     * requested) is accepted and handled as routine, and a warning names its sender, so that misuse
     * of the intake is visible.
     */
    public InboundResult acceptOnEmergencyIntake(Channel channel, byte[] bytes) {
        return acceptOnEmergencyIntake(channel, SignedBytes.of(bytes));
    }

    /** {@link #acceptOnEmergencyIntake(Channel, byte[])} for a message held as one array or in pieces. */
    public InboundResult acceptOnEmergencyIntake(Channel channel, SignedBytes bytes) {
        InboundState state = newState(channel, bytes, null, clock);
        InboundResult result = result(state, run(state));
        if (result instanceof InboundResult.Accepted accepted && !state.emergency) {
            LOG.warn("emergency intake: {} sent message {} (TransactionIdentifier {}) that is not an emergency"
                    + " (not IsEmergency, priority not High, no emergency requested); accepted and handled as routine",
                    state.sender == null ? "an unknown sender" : state.sender.id(), accepted.messageId(),
                    state.header().map(h -> h.getTransactionIdentifier()).orElse("-"));
        }
        return result;
    }

    private Exception run(InboundState state) {
        Exchange exchange = ExchangeBuilder.anExchange(camel)
                .withPattern(ExchangePattern.InOut)
                .withBody(state.body)
                .withProperty(InboundState.PROPERTY, state)
                .build();
        return producer.send(AcceptRoute.ENDPOINT, exchange).getException();
    }

    static InboundState newState(Channel channel, byte[] bytes, String neighbour, Clock clock) {
        return newState(channel, SignedBytes.of(bytes), neighbour, clock);
    }

    static InboundState newState(Channel channel, SignedBytes bytes, String neighbour, Clock clock) {
        return new InboundState(channel, bytes, bytes.sha256Hex(), neighbour, clock.instant());
    }

    static InboundResult result(InboundState state, Exception unexpected) {
        if (state.refusal != null) {
            return new InboundResult.Refused(state.refusal, Optional.ofNullable(state.refusalReceipt));
        }
        if (unexpected != null || state.receipt == null || state.messageId == null) {
            return new InboundResult.Refused(new MessageRejectedException(ErrorCode.TEMPORARILY_UNAVAILABLE,
                    "accept route ended without an outcome: " + unexpected, unexpected), Optional.empty());
        }
        return new InboundResult.Accepted(state.messageId, state.receipt, state.duplicate);
    }
}
