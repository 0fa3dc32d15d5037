package org.lexgate.trust.binding;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a message asks for, reduced to what the authority check needs (guideline §22):
 * the HI-1 actions in order ({@code CREATE}, {@code UPDATE}, {@code GET}, {@code LIST},
 * {@code DELIVER}, {@code GETCSPCONFIG}), the {@code HI1Object} types they carry by local name
 * ({@code LDTaskObject}, {@code LPTaskObject}, {@code AuthorisationObject}...), the lexgate
 * DataCategory values, the legal bases, and whether the message is flagged as an emergency.
 *
 * <p>A response (no action requests) asks for nothing: {@link #NOTHING}.
 */
public record RequestedAuthority(
        List<String> actions,
        List<String> objectTypes,
        Set<String> dataCategories,
        Set<String> legalBases,
        boolean emergency) {

    public static final RequestedAuthority NOTHING =
            new RequestedAuthority(List.of(), List.of(), Set.of(), Set.of(), false);

    public RequestedAuthority {
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
        objectTypes = List.copyOf(Objects.requireNonNull(objectTypes, "objectTypes"));
        dataCategories = Set.copyOf(Objects.requireNonNull(dataCategories, "dataCategories"));
        legalBases = Set.copyOf(Objects.requireNonNull(legalBases, "legalBases"));
    }

    public boolean asksForNothing() {
        return actions.isEmpty() && objectTypes.isEmpty() && dataCategories.isEmpty() && legalBases.isEmpty()
                && !emergency;
    }
}
