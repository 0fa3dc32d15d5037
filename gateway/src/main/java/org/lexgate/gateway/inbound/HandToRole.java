package org.lexgate.gateway.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.gateway.role.RoleHandler;

/**
 * Rule: the node acts on an accepted message through its roles (agency, contact point, provider) only
 * after the sender holds its receipt (DESIGN.md "Inside a node"). The {@link RoleHandler} contract
 * decides what a failure means: a {@code MessageRejectedException} is permanent, anything else is
 * retried with backoff by the processing route (§54: requests are processed in a timely manner, and
 * none is dropped on a passing fault).
 */
final class HandToRole implements Processor {

    private final RoleHandler handler;

    HandToRole(RoleHandler handler) {
        this.handler = handler;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        handler.handle(exchange.getProperty(LoadAccepted.ACCEPTED, AcceptedInbound.class));
    }
}
