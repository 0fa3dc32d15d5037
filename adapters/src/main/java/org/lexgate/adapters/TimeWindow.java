package org.lexgate.adapters;

import java.time.Instant;
import java.util.Optional;

/**
 * The period the data requested covers (ETSI {@code StartTime} and {@code EndTime}). Either end may be
 * open; {@link #UNBOUNDED} when the request names neither.
 *
 * @param from the start, inclusive, if given
 * @param to   the end, if given
 */
public record TimeWindow(Optional<Instant> from, Optional<Instant> to) {

    /** No time window given. */
    public static final TimeWindow UNBOUNDED = new TimeWindow(Optional.empty(), Optional.empty());

    /** @throws IllegalArgumentException when both ends are given and {@code to} is before {@code from} */
    public TimeWindow {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("time window ends before it starts: " + from.get() + " .. " + to.get());
        }
    }

    /** A window from {@code from} to {@code to}; either may be {@code null} for an open end. */
    public static TimeWindow of(Instant from, Instant to) {
        return new TimeWindow(Optional.ofNullable(from), Optional.ofNullable(to));
    }
}
