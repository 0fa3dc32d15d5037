package org.lexgate.trust.binding;

import java.util.Objects;
import org.lexgate.trust.directory.PartyId;

/** What a message says about itself: who sent it ({@code Header/SenderIdentifier}) and what it asks for. */
public record MessageClaims(PartyId sender, RequestedAuthority requested) {

    public MessageClaims {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(requested, "requested");
    }
}
