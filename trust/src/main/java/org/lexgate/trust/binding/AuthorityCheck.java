package org.lexgate.trust.binding;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.directory.Grant;
import org.lexgate.trust.directory.Party;
import org.lexgate.trust.directory.Role;

/**
 * Is the party allowed to ask for this (guideline §22)? Two layers, both must pass:
 * <ol>
 *   <li><b>Role.</b> Only requesting roles (agency, contact point, mla-authority) may issue tasks,
 *       authorisations and documents, or ask a provider for its configuration; only providers,
 *       contact points (relaying answers) and mla-authorities may DELIVER. A misconfigured grant
 *       cannot give a provider the power to order a disclosure.</li>
 *   <li><b>Grant.</b> One of the party's grants covers the whole message: every action and object
 *       type, every data category and legal basis, and the emergency flag if set.</li>
 * </ol>
 * A message that asks for nothing (a response) passes. Refusals are
 * {@link ErrorCode#SENDER_NOT_AUTHORISED}.
 */
public final class AuthorityCheck {

    private static final Set<Role> REQUESTERS = EnumSet.of(Role.AGENCY, Role.CONTACT_POINT, Role.MLA_AUTHORITY);
    private static final Set<Role> DELIVERERS = EnumSet.of(Role.PROVIDER, Role.CONTACT_POINT, Role.MLA_AUTHORITY);

    /** Actions and object types reserved to some roles; anything not listed is open to every role. */
    private static final Map<String, Set<Role>> RESERVED = Map.of(
            "AuthorisationObject", REQUESTERS,
            "LDTaskObject", REQUESTERS,
            "LPTaskObject", REQUESTERS,
            "DocumentObject", REQUESTERS,
            "GETCSPCONFIG", REQUESTERS,
            "DELIVER", DELIVERERS,
            "DeliveryObject", DELIVERERS);

    private AuthorityCheck() {
    }

    public static void authorise(Party party, RequestedAuthority requested) throws MessageRejectedException {
        if (requested.asksForNothing()) {
            return;
        }
        List<String> asked = new ArrayList<>(requested.actions());
        asked.addAll(requested.objectTypes());
        for (String item : asked) {
            Set<Role> allowed = RESERVED.get(item);
            if (allowed != null && party.roles().stream().noneMatch(allowed::contains)) {
                throw refused(party, item + " is reserved to roles " + allowed + ", party has " + party.roles());
            }
        }
        if (party.grants().stream().noneMatch(g -> covers(g, requested))) {
            throw refused(party, "no grant covers actions " + requested.actions() + " objects "
                    + requested.objectTypes() + " data " + requested.dataCategories() + " legal bases "
                    + requested.legalBases() + (requested.emergency() ? " as an emergency" : ""));
        }
    }

    static boolean covers(Grant grant, RequestedAuthority requested) {
        return grant.actions().containsAll(requested.actions())
                && grant.objectTypes().containsAll(requested.objectTypes())
                && grant.dataCategories().containsAll(requested.dataCategories())
                && grant.legalBases().containsAll(requested.legalBases())
                && (grant.emergency() || !requested.emergency());
    }

    private static MessageRejectedException refused(Party party, String why) {
        return new MessageRejectedException(ErrorCode.SENDER_NOT_AUTHORISED, "party " + party.id() + ": " + why);
    }
}
