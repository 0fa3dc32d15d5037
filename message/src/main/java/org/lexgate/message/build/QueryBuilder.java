package org.lexgate.message.build;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.GETCSPCONFIGRequest;
import org.lexgate.hi1.core.GETRequest;
import org.lexgate.hi1.core.LISTRequest;
import org.lexgate.hi1.core.MessagePayload;

/**
 * Requests that ask rather than order: GET objects by identifier (their current status, §54),
 * LIST objects by filter, and GETCSPCONFIG, the provider's service catalogue (§50). Several may be
 * combined in one message; each becomes one ActionRequest.
 */
public final class QueryBuilder extends MessageBuilder<QueryBuilder> {

    private final List<ActionRequest> actions = new ArrayList<>();

    QueryBuilder() {
    }

    /** GET one object by its ObjectIdentifier. */
    public QueryBuilder get(UUID objectIdentifier) {
        GETRequest get = new GETRequest();
        get.setIdentifier(Ids.of(Require.arg(objectIdentifier, "get objectIdentifier")));
        ActionRequest a = new ActionRequest();
        a.setGET(get);
        actions.add(a);
        return this;
    }

    /**
     * LIST objects; every filter may be null: ETSI ObjectType (Authorisation, LDTask, LPTask,
     * Delivery...), changed since, at most this many.
     */
    public QueryBuilder list(String etsiObjectType, Instant changedSince, Integer maximumObjectCount) {
        LISTRequest list = new LISTRequest();
        if (etsiObjectType != null) {
            list.setObjectType(Entries.etsi("ObjectType", etsiObjectType));
        }
        if (changedSince != null) {
            list.setLastChanged(Times.qualified(changedSince));
        }
        if (maximumObjectCount != null) {
            if (maximumObjectCount < 1) {
                throw new IllegalArgumentException("list maximumObjectCount must be >= 1, got " + maximumObjectCount);
            }
            list.setMaximumObjectCount(BigInteger.valueOf(maximumObjectCount));
        }
        ActionRequest a = new ActionRequest();
        a.setLIST(list);
        actions.add(a);
        return this;
    }

    /** GETCSPCONFIG: the receiver's service catalogue (§50). */
    public QueryBuilder serviceCatalogue() {
        ActionRequest a = new ActionRequest();
        a.setGETCSPCONFIG(new GETCSPCONFIGRequest());
        actions.add(a);
        return this;
    }

    @Override
    MessagePayload payload(Instant now) {
        Require.set(actions, "a query: get(..), list(..) or serviceCatalogue()");
        return Payloads.requests(actions);
    }
}
