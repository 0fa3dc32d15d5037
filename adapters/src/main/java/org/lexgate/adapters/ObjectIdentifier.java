package org.lexgate.adapters;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ETSI TS 103 120 {@code ObjectIdentifier}: a lower-case UUID naming a task (LDTask, LPTask) or a
 * case (Authorisation). The node and the back end use the task's identifier as the reference both
 * sides quote; because the pattern admits only {@code [a-f0-9-]}, it is also safe as a file name.
 *
 * @param value the lower-case UUID, e.g. {@code 2b36a78b-b628-416d-bd22-404e68a0cd36}
 */
public record ObjectIdentifier(String value) {

    private static final Pattern UUID =
            Pattern.compile("[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}");

    /** @throws IllegalArgumentException when {@code value} is not a lower-case UUID */
    public ObjectIdentifier {
        Objects.requireNonNull(value, "value");
        if (!UUID.matcher(value).matches()) {
            throw new IllegalArgumentException("not an ETSI ObjectIdentifier (lower-case UUID): " + abbreviate(value));
        }
    }

    /** The same as the constructor, for readability at call sites. */
    public static ObjectIdentifier of(String value) {
        return new ObjectIdentifier(value);
    }

    /** Whether {@code value} would be accepted by {@link #of(String)}. */
    public static boolean isValid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
