package org.lexgate.store;

import java.time.Instant;
import java.util.UUID;

/** The current version of an ETSI object, as GET and LIST answer from it. */
public record StoredObject(UUID objectId, Hi1ObjectType type, String caseRef, String owner, String countryCode,
                           String externalId, int generation, Instant lastChanged, String desiredStatus,
                           String status, String xml, Instant createdAt) {
}
