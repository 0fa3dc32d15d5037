package org.lexgate.message.build;

import java.util.regex.Pattern;
import org.lexgate.hi1.core.EndpointID;

/**
 * A party of an HI-1 exchange as ETSI names it ({@code core:EndpointID}): an ISO 3166 country code
 * and the party's identifier in that country, e.g. {@code Party.of("XA", "XA-AGENCY")}.
 */
public record Party(String countryCode, String uniqueIdentifier) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Party {
        Require.text(countryCode, "Party.countryCode");
        Require.text(uniqueIdentifier, "Party.uniqueIdentifier");
        if (!COUNTRY.matcher(countryCode).matches()) {
            throw new IllegalArgumentException("Party.countryCode must be two upper-case letters (ISO 3166-1 alpha-2), got '"
                    + countryCode + "'");
        }
    }

    public static Party of(String countryCode, String uniqueIdentifier) {
        return new Party(countryCode, uniqueIdentifier);
    }

    EndpointID toEndpoint() {
        EndpointID id = new EndpointID();
        id.setCountryCode(countryCode);
        id.setUniqueIdentifier(uniqueIdentifier);
        return id;
    }

    static Party from(EndpointID id) {
        return new Party(id.getCountryCode(), id.getUniqueIdentifier());
    }

    @Override
    public String toString() {
        return countryCode + "/" + uniqueIdentifier;
    }
}
