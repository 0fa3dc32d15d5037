package org.lexgate.adapters;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The data is preserved (LPTask {@code Status} {@code Preserved}, {@code PreservationExpiration} set to
 * {@link #preservedUntil()}). Answers a preservation and an extension alike.
 *
 * @param task           the LPTask answered
 * @param preservedUntil until when the provider keeps the data
 * @param note           an optional remark for the requester (at most {@link #MAX_TEXT_LENGTH} characters)
 */
public record PreservationConfirmed(ObjectIdentifier task, Instant preservedUntil, Optional<String> note)
        implements ProviderAnswer {
    public PreservationConfirmed {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(preservedUntil, "preservedUntil");
        Objects.requireNonNull(note, "note");
        note.ifPresent(n -> ProviderAnswer.checkText("note", n));
    }
}
