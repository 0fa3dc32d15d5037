package org.lexgate.adapters;

import java.util.Optional;

/**
 * Why a request is refused or data is not provided (guideline §57): lexgate's {@code RefusalReason}
 * dictionary (Owner {@code lexgate}), value for value, in the order of
 * {@code xsd/src/main/resources/org/lexgate/xsd/lexgate-dictionaries.xml}. A test keeps the two in step.
 * A {@link RefusalAnswer} always adds an explanation in words.
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

    /** The dictionary's owner, as written in {@code common:DictionaryEntry/Owner}. */
    public static final String DICTIONARY_OWNER = "lexgate";
    /** The dictionary's name, as written in {@code common:DictionaryEntry/Name}. */
    public static final String DICTIONARY_NAME = "RefusalReason";

    private final String value;

    RefusalReason(String value) {
        this.value = value;
    }

    /** The dictionary value, e.g. {@code DataNotHeld}, as it appears on the wire and in answer files. */
    public String value() {
        return value;
    }

    /** The reason whose dictionary value is exactly {@code value} (case-sensitive), if any. */
    public static Optional<RefusalReason> fromValue(String value) {
        for (RefusalReason r : values()) {
            if (r.value.equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
