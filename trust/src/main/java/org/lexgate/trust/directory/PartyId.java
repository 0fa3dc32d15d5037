package org.lexgate.trust.directory;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A party's identity exactly as ETSI TS 103 120 writes it in {@code Header/SenderIdentifier} and
 * {@code ReceiverIdentifier}: an ISO 3166 country code and a unique identifier.
 *
 * <p>Text form: lexgate's convention is a unique identifier that starts with its country code and a
 * hyphen (CountryCode XA, UniqueIdentifier {@code XA-AGENCY}); such an id is written as the unique
 * identifier alone, {@code XA-AGENCY}. Any other id is written {@code COUNTRY:UNIQUEIDENTIFIER}
 * (CountryCode XX, UniqueIdentifier ACTOR01: {@code XX:ACTOR01}). {@link #parse} reads both forms
 * back.
 */
public record PartyId(String countryCode, String uniqueIdentifier) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public PartyId {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(uniqueIdentifier, "uniqueIdentifier");
        if (!COUNTRY.matcher(countryCode).matches()) {
            throw new IllegalArgumentException("not an ISO 3166 alpha-2 country code: " + countryCode);
        }
        if (uniqueIdentifier.isBlank()) {
            throw new IllegalArgumentException("empty unique identifier");
        }
    }

    /**
     * Parses the text form: {@code XA-AGENCY} is CountryCode XA with UniqueIdentifier XA-AGENCY;
     * {@code XX:ACTOR01} is CountryCode XX with UniqueIdentifier ACTOR01.
     */
    public static PartyId parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() >= 4 && text.charAt(2) == ':') {
            return new PartyId(text.substring(0, 2), text.substring(3));
        }
        if (text.length() >= 4 && text.charAt(2) == '-') {
            return new PartyId(text.substring(0, 2), text);
        }
        throw new IllegalArgumentException("not a party id (XA-NAME or XX:NAME): " + text);
    }

    @Override
    public String toString() {
        return uniqueIdentifier.startsWith(countryCode + "-") ? uniqueIdentifier : countryCode + ":" + uniqueIdentifier;
    }
}
