package org.lexgate.trust.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the 24/7 network's routing table: at node {@code from} (empty: at every node), a
 * request for a provider in {@code destinationCountry} under {@code legalBasis} goes to
 * {@code nextHop}; {@code mode} is what the node holding the route does with it. An empty legal
 * basis makes the route the country's default.
 */
public record Route(Optional<PartyId> from, String destinationCountry, Optional<String> legalBasis,
        PartyId nextHop, RouteMode mode) {

    public Route {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(destinationCountry, "destinationCountry");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(mode, "mode");
    }

    /** Why this route was chosen, for logs and the trail. */
    public String describe() {
        return from.map(f -> "at " + f + ": ").orElse("") + destinationCountry
                + legalBasis.map(b -> " under " + b).orElse(" (default)") + " -> " + nextHop + " (" + mode.xmlName() + ")";
    }
}
