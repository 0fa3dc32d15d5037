package org.lexgate.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A new version of an ETSI object, for {@link ObjectStore#upsert}. The XML is stored as given, so
 * write into it the Generation the upsert will give it ({@code expectedGeneration + 1}, or 1 for a
 * new object) and its LastChanged.
 *
 * @param objectId           the ObjectIdentifier
 * @param type               the object type (not {@link Hi1ObjectType#TASK})
 * @param caseRef            the case it belongs to (its Authorisation's ObjectIdentifier or the
 *                           external reference), or {@code null}
 * @param owner              the OwnerIdentifier party
 * @param countryCode        the CountryCode (ISO 3166-1 alpha-2)
 * @param externalId         the ExternalIdentifier, or {@code null}
 * @param desiredStatus      the requester's DesiredStatus dictionary value, or {@code null}
 * @param status             the provider's Status dictionary value, or {@code null}
 * @param xml                the object's XML
 * @param lastChanged        LastChanged, or {@code null} for now
 * @param expectedGeneration the Generation the change was made against ({@code 0}: must not exist
 *                           yet), or {@code null} to overwrite whatever is stored
 * @param changedBy          the party whose message made the change (for the audit trail), or {@code null}
 */
public record ObjectVersion(UUID objectId, Hi1ObjectType type, String caseRef, String owner, String countryCode,
                            String externalId, String desiredStatus, String status, String xml,
                            Instant lastChanged, Integer expectedGeneration, String changedBy) {

    public ObjectVersion {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(type, "type");
        if (type == Hi1ObjectType.TASK) {
            throw new IllegalArgumentException("store an LDTask or LPTask, not the LIST filter Task");
        }
        Jdbc.requireText(owner, "owner");
        if (countryCode == null || !countryCode.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("countryCode must be ISO 3166-1 alpha-2, was " + countryCode);
        }
        Jdbc.requireText(xml, "xml");
    }
}
