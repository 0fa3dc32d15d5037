package org.lexgate.trust.directory;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One organisation the node knows: its header id, roles, name, endpoints, how to recognise its
 * signatures (pinned certificates and anchored signers), what it may ask for (grants) and whom to
 * call (contact details).
 */
public record Party(
        PartyId id,
        String name,
        Set<Role> roles,
        Endpoints endpoints,
        List<X509Certificate> pinned,
        List<AnchoredSigner> anchored,
        List<Grant> grants,
        ContactDetails contact) {

    public Party {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(endpoints, "endpoints");
        pinned = List.copyOf(pinned);
        anchored = List.copyOf(anchored);
        grants = List.copyOf(grants);
        Objects.requireNonNull(contact, "contact");
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /**
     * True when {@code certificate} is one of this party's: it equals a pinned certificate, or it
     * is issued (and signed) by one of the party's anchors and its subject satisfies that anchor's
     * constraint. This says whose certificate it is, not whether it is valid: the validity, chain,
     * revocation and key checks come after.
     */
    public boolean recognises(X509Certificate certificate) {
        return pinned.contains(certificate) || anchored.stream().anyMatch(a ->
                a.anchor().issued(certificate) && a.subject().matches(certificate.getSubjectX500Principal()));
    }

    /** True when {@code certificate} is issued by one of the anchors this party's signers come from. */
    public boolean hasAnchorOf(X509Certificate certificate) {
        return anchored.stream().anyMatch(a -> a.anchor().issued(certificate));
    }
}
