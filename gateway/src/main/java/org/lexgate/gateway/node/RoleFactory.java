package org.lexgate.gateway.node;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;
import org.lexgate.gateway.role.RoleContext;
import org.lexgate.gateway.role.RoleHandler;

/**
 * Where a node gets its role handler: {@code org.lexgate.gateway.role.Roles.create(RoleContext)}
 * (the roles of the node, written beside the node core). Looked up by name so the node core builds
 * on its own; a missing factory is a start-up error, never a silent no-op.
 */
public final class RoleFactory {

    /** The class and method the node calls. */
    public static final String ROLES_CLASS = "org.lexgate.gateway.role.Roles";

    private RoleFactory() {
    }

    /** The default factory: {@code Roles.create}. */
    public static Function<RoleContext, RoleHandler> roles() {
        return context -> {
            try {
                Method create = Class.forName(ROLES_CLASS).getMethod("create", RoleContext.class);
                return (RoleHandler) create.invoke(null, context);
            } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException("no role handlers in this build: " + ROLES_CLASS
                        + ".create(RoleContext) is missing", e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("role handlers could not start: " + cause, cause);
            }
        };
    }
}
