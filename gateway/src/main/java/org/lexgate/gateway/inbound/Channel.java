package org.lexgate.gateway.inbound;

/** How a message reached the node (DESIGN.md "Transports"). */
public enum Channel {
    /** SOAP 1.2 with WS-Security from a neighbour's node (the hop signer is known). */
    SOAP,
    /** ETSI's own binding: HTTP POST of a bare signed HI1Message. */
    ETSI_HTTP,
    /** An Artemis queue shared with a neighbour or a local system. */
    QUEUE
}
