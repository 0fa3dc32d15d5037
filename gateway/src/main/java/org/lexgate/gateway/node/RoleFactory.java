package org.lexgate.gateway.node;

import java.util.function.Function;
import org.lexgate.gateway.role.RoleContext;
import org.lexgate.gateway.role.RoleHandler;
import org.lexgate.gateway.role.Roles;

/**
 * Where a node gets its role handler: {@link Roles#create(RoleContext)}, the roles of the node
 * (agency, contact point, provider) written beside the node core. Tests and tools may pass their own
 * factory to {@link Node#start(NodeConfigLoader.Loaded, Function)}.
 */
public final class RoleFactory {

    private RoleFactory() {
    }

    /** The default factory: {@code Roles.create}. */
    public static Function<RoleContext, RoleHandler> roles() {
        return Roles::create;
    }
}
