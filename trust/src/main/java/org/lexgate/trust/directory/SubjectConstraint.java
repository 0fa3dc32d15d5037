package org.lexgate.trust.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * What the subject of a certificate issued by a party's anchor must say for the certificate to
 * be the party's: every field that is set must match exactly (a multi-valued attribute matches
 * when one of its values does), and {@code dnPattern} must match the whole RFC 2253 subject DN.
 */
public record SubjectConstraint(
        Optional<String> commonName,
        Optional<String> organizationalUnit,
        Optional<String> organization,
        Optional<String> country,
        Optional<Pattern> dnPattern) {

    public boolean isEmpty() {
        return commonName.isEmpty() && organizationalUnit.isEmpty() && organization.isEmpty()
                && country.isEmpty() && dnPattern.isEmpty();
    }

    /** True when {@code subject} satisfies every field of this constraint (and the constraint is not empty). */
    public boolean matches(X500Principal subject) {
        if (isEmpty()) {
            return false;
        }
        String dn = subject.getName(X500Principal.RFC2253);
        List<Rdn> rdns;
        try {
            rdns = new LdapName(dn).getRdns();
        } catch (InvalidNameException e) {
            return false;
        }
        return attributeMatches(rdns, "CN", commonName)
                && attributeMatches(rdns, "OU", organizationalUnit)
                && attributeMatches(rdns, "O", organization)
                && attributeMatches(rdns, "C", country)
                && dnPattern.map(p -> p.matcher(dn).matches()).orElse(true);
    }

    private static boolean attributeMatches(List<Rdn> rdns, String type, Optional<String> expected) {
        if (expected.isEmpty()) {
            return true;
        }
        List<String> values = new ArrayList<>();
        for (Rdn rdn : rdns) {
            if (rdn.getType().toUpperCase(Locale.ROOT).equals(type)) {
                values.add(String.valueOf(rdn.getValue()));
            }
        }
        return values.contains(expected.get());
    }
}
