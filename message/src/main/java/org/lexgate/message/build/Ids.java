package org.lexgate.message.build;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifiers as TS 103 280 writes them: lower-case UUIDs, LDIDs. */
final class Ids {

    private static final Pattern LDID = Pattern.compile("[A-Z]{2}-.+-.+");

    private Ids() {
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }

    static String of(UUID id) {
        return id.toString().toLowerCase(Locale.ROOT);
    }

    static String uuid(String value, String field) {
        Require.text(value, field);
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a UUID: " + value, e);
        }
    }

    /** An LDID: country code, then two dash-separated parts, e.g. XA-AGENCY-2026-0042. */
    static String ldid(String value, String field) {
        if (value == null || !LDID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be an LDID 'CC-x-y' (two upper-case letters, "
                    + "then two dash-separated parts), e.g. XA-AGENCY-2026-0042; got " + value);
        }
        return value;
    }
}
