package org.lexgate.adapters;

import java.util.Objects;

/**
 * The request is refused or the data cannot be provided (guideline §57). The node sends the reason
 * as a lexgate {@code RefusalReason} dictionary entry with the explanation; which ETSI task status
 * follows ({@code Rejected}, {@code DisclosureNotAvailable}, {@code PreservationNotAvailable}) is the
 * node's mapping.
 *
 * @param task        the task answered
 * @param reason      the reason, from lexgate's dictionary
 * @param explanation the explanation in words, shown to the requester: never blank, at most
 *                    {@link #MAX_TEXT_LENGTH} characters
 */
public record RefusalAnswer(ObjectIdentifier task, RefusalReason reason, String explanation)
        implements ProviderAnswer {
    public RefusalAnswer {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
        if (explanation.isBlank()) {
            throw new IllegalArgumentException("a refusal needs an explanation (guideline §57)");
        }
        ProviderAnswer.checkText("explanation", explanation);
    }
}
