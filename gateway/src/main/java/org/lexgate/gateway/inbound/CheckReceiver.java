package org.lexgate.gateway.inbound;

import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.Role;

/**
 * Rule: the header's ReceiverIdentifier is this node, or a party this node relays for — else 3007
 * WRONG_RECEIVER. A contact point relays for the parties of its directory (the 24/7 network, §36, §37:
 * a request for a provider abroad, and the answers travelling back); other roles receive only what
 * is addressed to them. A message meant for someone else is never stored or acted on.
 */
final class CheckReceiver implements Processor {

    private final PartyId self;
    private final Set<Role> roles;
    private final PartyDirectory directory;

    CheckReceiver(PartyId self, Set<Role> roles, PartyDirectory directory) {
        this.self = self;
        this.roles = roles;
        this.directory = directory;
    }

    @Override
    public void process(Exchange exchange) throws MessageRejectedException {
        InboundState state = InboundState.of(exchange);
        PartyId receiver = Hi1View.party(state.message.getHeader().getReceiverIdentifier());
        if (!receivesFor(receiver)) {
            throw new MessageRejectedException(ErrorCode.WRONG_RECEIVER, "addressed to " + receiver + ", this node is "
                    + self + (roles.contains(Role.CONTACT_POINT) ? " (and relays only for parties of its directory)" : ""));
        }
    }

    boolean receivesFor(PartyId receiver) {
        if (receiver.equals(self)) {
            return true;
        }
        return roles.contains(Role.CONTACT_POINT) && directory.party(receiver).isPresent();
    }
}
