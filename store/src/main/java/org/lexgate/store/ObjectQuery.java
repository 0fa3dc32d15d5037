package org.lexgate.store;

import java.time.Instant;

/**
 * The filters of ETSI's LISTRequest, plus the owner lexgate adds so a party lists only its own
 * objects. Every field may be {@code null} (no filter). Start from {@link #all()}.
 *
 * @param objectType         ObjectType ({@link Hi1ObjectType#TASK} selects LDTask and LPTask)
 * @param lastChangedFrom    LastChanged, or LastChangedTimespan's start: changed at or after (inclusive)
 * @param lastChangedTo      LastChangedTimespan's end: changed before (exclusive)
 * @param status             Status (the provider's side) dictionary value
 * @param maximumObjectCount MaximumObjectCount
 * @param countryCode        CountryCode
 * @param owner              OwnerIdentifier
 */
public record ObjectQuery(Hi1ObjectType objectType, Instant lastChangedFrom, Instant lastChangedTo, String status,
                          Integer maximumObjectCount, String countryCode, String owner) {

    public ObjectQuery {
        if (maximumObjectCount != null && maximumObjectCount < 1) {
            throw new IllegalArgumentException("MaximumObjectCount is a positive integer, was " + maximumObjectCount);
        }
    }

    public static ObjectQuery all() {
        return new ObjectQuery(null, null, null, null, null, null, null);
    }

    public ObjectQuery withObjectType(Hi1ObjectType t) {
        return new ObjectQuery(t, lastChangedFrom, lastChangedTo, status, maximumObjectCount, countryCode, owner);
    }

    public ObjectQuery withLastChanged(Instant from, Instant to) {
        return new ObjectQuery(objectType, from, to, status, maximumObjectCount, countryCode, owner);
    }

    public ObjectQuery withStatus(String s) {
        return new ObjectQuery(objectType, lastChangedFrom, lastChangedTo, s, maximumObjectCount, countryCode, owner);
    }

    public ObjectQuery withMaximumObjectCount(Integer max) {
        return new ObjectQuery(objectType, lastChangedFrom, lastChangedTo, status, max, countryCode, owner);
    }

    public ObjectQuery withCountryCode(String cc) {
        return new ObjectQuery(objectType, lastChangedFrom, lastChangedTo, status, maximumObjectCount, cc, owner);
    }

    public ObjectQuery withOwner(String o) {
        return new ObjectQuery(objectType, lastChangedFrom, lastChangedTo, status, maximumObjectCount, countryCode, o);
    }
}
