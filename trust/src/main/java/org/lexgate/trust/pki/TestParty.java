package org.lexgate.trust.pki;

/**
 * The fictional example parties of the test PKI, in the ISO 3166 user-assigned countries XA and XB.
 * Their ids are as in the ETSI header: {@code CountryCode} + {@code UniqueIdentifier}. NOT FOR PRODUCTION.
 */
public enum TestParty {

    XA_AGENCY("XA", "XA-AGENCY", "agency", "XA National Cybercrime Unit"),
    XA_CP("XA", "XA-CP", "contact-point", "XA 24/7 Contact Point"),
    XB_CP("XB", "XB-CP", "contact-point", "XB 24/7 Contact Point"),
    XB_PROVIDER("XB", "XB-PROVIDER", "provider", "XB Example Telecom"),
    XA_PROVIDER("XA", "XA-PROVIDER", "provider", "XA Example Mail");

    private final String countryCode;
    private final String uniqueIdentifier;
    private final String role;
    private final String organisation;

    TestParty(String countryCode, String uniqueIdentifier, String role, String organisation) {
        this.countryCode = countryCode;
        this.uniqueIdentifier = uniqueIdentifier;
        this.role = role;
        this.organisation = organisation;
    }

    /** ETSI {@code CountryCode}: XA or XB. */
    public String countryCode() {
        return countryCode;
    }

    /** ETSI {@code UniqueIdentifier}, also the party id lexgate uses: e.g. "XA-AGENCY". */
    public String id() {
        return uniqueIdentifier;
    }

    /** The lexgate role: agency, contact-point or provider. */
    public String role() {
        return role;
    }

    /** The organisation name, without the NOT FOR PRODUCTION suffix that certificates carry. */
    public String organisation() {
        return organisation;
    }

    /** The keystore alias (and file name) of the party's default RSA signer: "xa-agency". */
    public String alias() {
        return uniqueIdentifier.toLowerCase(java.util.Locale.ROOT);
    }
}
