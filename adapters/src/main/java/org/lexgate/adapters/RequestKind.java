package org.lexgate.adapters;

import java.util.Locale;
import java.util.Set;

/**
 * What a {@link ProviderRequest} asks the provider to do, and which {@link ProviderAnswer}s fit it.
 * The node refuses (through {@link AnswerSource#reject}) an answer whose type does not fit the kind
 * of the task's pending request.
 */
public enum RequestKind {
    /** An LDTask: disclose data. Answered with {@link DataAnswer}, {@link DataExistenceAnswer} or {@link RefusalAnswer}. */
    DISCLOSURE(Set.of(DataAnswer.class, DataExistenceAnswer.class, RefusalAnswer.class)),
    /** An LPTask: preserve data. Answered with {@link PreservationConfirmed} or {@link RefusalAnswer}. */
    PRESERVATION(Set.of(PreservationConfirmed.class, RefusalAnswer.class)),
    /**
     * A modification of an LPTask asking to keep the data longer ({@link ProviderRequest#preserveUntil()}).
     * Answered with {@link PreservationConfirmed} (the new date) or {@link RefusalAnswer}.
     */
    PRESERVATION_EXTENSION(Set.of(PreservationConfirmed.class, RefusalAnswer.class)),
    /**
     * The requester no longer needs the preserved data (guideline §35, §37). Needs no answer: the node
     * records the release once {@link RequestSink#deliver} returns. A back end that cannot act on it
     * answers with {@link RefusalAnswer}.
     */
    PRESERVATION_RELEASE(Set.of(RefusalAnswer.class)),
    /**
     * The requester withdraws a task. Needs no answer: the node records the task as cancelled once
     * {@link RequestSink#deliver} returns. A back end that cannot act on it answers with {@link RefusalAnswer}.
     */
    CANCELLATION(Set.of(RefusalAnswer.class));

    private final Set<Class<? extends ProviderAnswer>> answers;

    RequestKind(Set<Class<? extends ProviderAnswer>> answers) {
        this.answers = answers;
    }

    /** Whether {@code answer} is a fitting answer to a request of this kind. */
    public boolean accepts(ProviderAnswer answer) {
        return answers.contains(answer.getClass());
    }

    /** The lower-case, hyphenated name used in file names and summaries, e.g. {@code preservation-extension}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
