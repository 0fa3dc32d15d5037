package org.lexgate.adapters;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the data requested exists, without disclosing it (ETSI Delivery {@code DataExistence}).
 *
 * @param task   the LDTask answered
 * @param exists whether the provider holds data matching the request
 * @param note   an optional remark for the requester (at most {@link #MAX_TEXT_LENGTH} characters)
 */
public record DataExistenceAnswer(ObjectIdentifier task, boolean exists, Optional<String> note)
        implements ProviderAnswer {
    public DataExistenceAnswer {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(note, "note");
        note.ifPresent(n -> ProviderAnswer.checkText("note", n));
    }
}
