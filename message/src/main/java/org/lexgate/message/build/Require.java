package org.lexgate.message.build;

import java.util.Collection;

/** Fail-fast checks: each failure names the missing field and the rule that asks for it. */
final class Require {

    private Require() {
    }

    /** Throws IllegalStateException "missing FIELD" when a builder is built without a required field. */
    static <T> T set(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty())) {
            throw new IllegalStateException("missing " + field);
        }
        return value;
    }

    /** Throws IllegalArgumentException when a caller passes null or blank text. */
    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be null or blank");
        }
        return value;
    }

    static <T> T arg(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
