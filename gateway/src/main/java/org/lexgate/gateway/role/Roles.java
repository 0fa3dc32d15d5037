package org.lexgate.gateway.role;

import org.lexgate.adapters.Adapter;
import org.lexgate.adapters.AdapterFactory;
import org.lexgate.gateway.agency.AgencyDesk;
import org.lexgate.gateway.provider.AnswerPoller;
import org.lexgate.gateway.provider.ProviderDesk;
import org.lexgate.gateway.relay.AnswerRelay;
import org.lexgate.gateway.relay.ContactPointRelay;
import org.lexgate.gateway.relay.FollowUpWatch;
import org.lexgate.trust.directory.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the node core gets its role handler: {@link #create(RoleContext)} assembles the roles the
 * node holds (provider, contact point, agency; several at once) around one {@link CaseBook} and one
 * {@link Outbox}, starts the background work (the provider's answer poller, the follow-up clock
 * check) and returns the {@link RoleDispatcher}. Close it when the node stops.
 */
public final class Roles {

    private static final Logger LOG = LoggerFactory.getLogger(Roles.class);

    private Roles() {
    }

    public static RoleHandler create(RoleContext context) {
        RoleSettings settings = RoleSettings.from(context.settings(), context.dataDirectory());
        CaseBook book = CaseBook.open(context.store());
        Outbox outbox = new Outbox(context.sender(), context.store());
        boolean provider = context.roles().contains(Role.PROVIDER);
        boolean contactPoint = context.roles().contains(Role.CONTACT_POINT);
        boolean agency = context.roles().contains(Role.AGENCY) || contactPoint || context.roles().contains(Role.MLA_AUTHORITY);
        Adapter adapter = provider ? startAdapter(settings) : null;
        RoleDispatcher dispatcher = new RoleDispatcher(context.self(), book, outbox,
                provider ? new ProviderDesk(context.self(), context.directory(), book, outbox, adapter) : null,
                provider ? new AnswerPoller(context.self(), book, outbox, adapter) : null,
                agency ? new AgencyDesk(context.self(), book, outbox) : null,
                contactPoint ? new ContactPointRelay(context.self(), context.directory(), book, outbox, context.codec(),
                        settings.followUpPeriod()) : null,
                contactPoint ? new AnswerRelay(context.self(), book, outbox) : null,
                contactPoint || agency ? new FollowUpWatch(context.self(), book, outbox, settings.warnBefore()) : null,
                adapter);
        dispatcher.start(settings);
        LOG.info("roles of {}: {}{}", context.self(), RoleDispatcher.describe(dispatcher),
                adapter == null ? "" : ", back end " + adapter.name());
        return dispatcher;
    }

    private static Adapter startAdapter(RoleSettings settings) {
        try {
            Adapter adapter = AdapterFactory.forType(settings.adapterType()).create(settings.adapterSettings());
            adapter.start();
            return adapter;
        } catch (Exception e) {
            throw new IllegalStateException("the provider's back-end adapter (" + settings.adapterType()
                    + ") does not start: " + e.getMessage(), e);
        }
    }
}
