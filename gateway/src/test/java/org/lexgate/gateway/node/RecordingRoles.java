package org.lexgate.gateway.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.gateway.role.RoleContext;
import org.lexgate.gateway.role.RoleHandler;

/** A role handler for node tests: remembers every message it is handed, does nothing else. */
public final class RecordingRoles implements Function<RoleContext, RoleHandler> {

    private final List<AcceptedInbound> handled = new CopyOnWriteArrayList<>();
    private volatile RoleContext context;

    @Override
    public RoleHandler apply(RoleContext roleContext) {
        this.context = roleContext;
        return handled::add;
    }

    public List<AcceptedInbound> handled() {
        return handled;
    }

    public RoleContext context() {
        return context;
    }
}
