package org.lexgate.message.build;

/**
 * lexgate's {@code RefusalReason} dictionary (guideline §57: explain why a request is refused or
 * data cannot be provided), starting from the grounds of the EU e-Evidence Form 3. The values match
 * lexgate-dictionaries.xml one for one (a test keeps them in step).
 */
public enum RefusalReason {
    INCOMPLETE("Incomplete"),
    MANIFEST_ERRORS("ManifestErrors"),
    INSUFFICIENT_INFORMATION("InsufficientInformation"),
    DATA_NOT_HELD("DataNotHeld"),
    DE_FACTO_IMPOSSIBILITY("DeFactoImpossibility"),
    INVALID_ISSUING_AUTHORITY("InvalidIssuingAuthority"),
    OFFENCE_NOT_COVERED("OffenceNotCovered"),
    SERVICE_NOT_COVERED("ServiceNotCovered"),
    IMMUNITIES_OR_PRIVILEGES("ImmunitiesOrPrivileges"),
    CONFLICT_OF_LAW("ConflictOfLaw"),
    DATA_DELETED("DataDeleted"),
    RETENTION_PERIOD_EXPIRED("RetentionPeriodExpired"),
    ACCOUNT_NOT_FOUND("AccountNotFound"),
    DISPROPORTIONATE_REQUEST("DisproportionateRequest"),
    NOT_URGENT("NotUrgent"),
    SIGNATURE_OR_SOURCE_NOT_VERIFIED("SignatureOrSourceNotVerified"),
    DUPLICATE_REQUEST("DuplicateRequest"),
    OTHER("Other");

    private final String value;

    RefusalReason(String value) {
        this.value = value;
    }

    /** The dictionary value as written on the wire ({@code lexgate/RefusalReason}). */
    public String value() {
        return value;
    }
}
