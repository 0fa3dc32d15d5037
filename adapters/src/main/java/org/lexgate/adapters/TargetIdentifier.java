package org.lexgate.adapters;

import java.util.Objects;

/**
 * One identifier of the data requested: an ETSI {@code RequestValue} ({@code FormatType} and
 * {@code Value}), e.g. owner {@code ETSI}, type {@code EmailAddress}, value {@code alice@example.org}.
 *
 * @param formatOwner the owner of the format name, usually {@code ETSI}
 * @param formatType  the format name, e.g. {@code EmailAddress}, {@code IPv4Address}, {@code InternationalE164}
 * @param value       the identifier itself, as the requester wrote it
 */
public record TargetIdentifier(String formatOwner, String formatType, String value) {
    public TargetIdentifier {
        Objects.requireNonNull(formatOwner, "formatOwner");
        Objects.requireNonNull(formatType, "formatType");
        Objects.requireNonNull(value, "value");
    }
}
