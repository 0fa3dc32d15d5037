package org.lexgate.adapters;

import java.util.Objects;

/**
 * An answer the back end has for the node, as {@link AnswerSource#poll} returns it, to be
 * {@linkplain AnswerSource#acknowledge acknowledged} or {@linkplain AnswerSource#reject rejected}.
 *
 * @param id     stable identity of this answer: the same answer polled again, by this or a restarted
 *               adapter, has the same id; a different answer (even for the same task) has another. The
 *               node stores it with the response it produces, so that an answer seen again after a
 *               crash is recognised and acknowledged without being answered twice.
 * @param answer the parsed answer
 * @param origin where the answer came from, for logs and the audit trail (e.g. a file name)
 */
public record ReceivedAnswer(String id, ProviderAnswer answer, String origin) {
    public ReceivedAnswer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(origin, "origin");
    }

    /** The task the answer is for. */
    public ObjectIdentifier task() {
        return answer.task();
    }
}
