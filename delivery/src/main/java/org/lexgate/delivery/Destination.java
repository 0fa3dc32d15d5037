package org.lexgate.delivery;

import java.util.Objects;

import org.lexgate.soap.HopClient;

/**
 * One party this node sends to: its id (as in the directory), the hop client that reaches its SOAP
 * endpoint with this node's keys, and how hard to try it. The delivery closes the client when it
 * stops.
 */
public record Destination(String party, HopClient client, DeliveryPolicy policy) {
    public Destination {
        Queues.checkParty(party);
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(policy, "policy");
    }

    public static Destination of(String party, HopClient client) {
        return new Destination(party, client, DeliveryPolicy.defaults());
    }
}
