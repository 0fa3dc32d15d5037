package org.lexgate.trust.directory;

import java.util.Optional;
import java.util.Set;

/**
 * One authority a party holds (guideline §22): the HI-1 actions, HI1Object types, data categories
 * and legal bases it may use, and whether it may flag a request as an emergency. A message is
 * authorised when one grant covers all of it.
 */
public record Grant(
        Optional<String> description,
        Set<String> actions,
        Set<String> objectTypes,
        Set<String> dataCategories,
        Set<String> legalBases,
        boolean emergency) {

    public Grant {
        actions = Set.copyOf(actions);
        objectTypes = Set.copyOf(objectTypes);
        dataCategories = Set.copyOf(dataCategories);
        legalBases = Set.copyOf(legalBases);
    }
}
