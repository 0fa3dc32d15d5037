package org.lexgate.gateway.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.lexgate.delivery.DeliveryPolicy;
import org.lexgate.delivery.Destination;
import org.lexgate.delivery.OutboundDelivery;
import org.lexgate.gateway.node.HopSetup;
import org.lexgate.soap.HopClient;
import org.lexgate.trust.directory.Party;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;

/**
 * The parties this node sends to, as delivery destinations: each reached at the SOAP endpoint the
 * directory gives it, through a hop client with this node's hop keys that accepts only that party's
 * hop signature on the answer. Added to the delivery on first use (and at start-up for queues that
 * still hold messages), so a node opens no client for partners it never talks to.
 */
public final class Destinations {

    private final PartyDirectory directory;
    private final HopSetup hop;
    private final OutboundDelivery delivery;
    private final DeliveryPolicy policy;
    private final Duration receiveTimeout;

    public Destinations(PartyDirectory directory, HopSetup hop, OutboundDelivery delivery, DeliveryPolicy policy,
            Duration receiveTimeout) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.hop = Objects.requireNonNull(hop, "hop");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.receiveTimeout = Objects.requireNonNull(receiveTimeout, "receiveTimeout");
    }

    /** Makes sure the delivery has routes for {@code party}; returns its queue name (the party id). */
    public synchronized String ensure(PartyId party) {
        String name = party.toString();
        if (!delivery.destinations().contains(name)) {
            delivery.addDestination(new Destination(name, hopClient(directory, hop, party, receiveTimeout), policy));
        }
        return name;
    }

    /**
     * A hop client to a party's SOAP endpoint as the directory gives it, that accepts only that
     * party's hop signature on the answer (the caller closes it).
     *
     * @throws IllegalArgumentException when the party is not in the directory or has no SOAP endpoint
     */
    public static HopClient hopClient(PartyDirectory directory, HopSetup hop, PartyId party, Duration receiveTimeout) {
        Party p = directory.party(party).orElseThrow(() -> new IllegalArgumentException(
                "party " + party + " is not in the directory " + directory.source()));
        URI address = p.endpoints().soap().orElseThrow(() -> new IllegalArgumentException(
                "party " + party + " has no SOAP endpoint in the directory " + directory.source()));
        HopClient.Builder builder = HopClient.builder().address(address).security(hop.security())
                .neighbours(HopSetup.only(directory, party)).receiveTimeout(receiveTimeout);
        if ("https".equalsIgnoreCase(address.getScheme())) {
            builder.tls(hop.clientTls());
        }
        return builder.build();
    }
}
