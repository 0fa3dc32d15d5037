package org.lexgate.store;

import java.util.UUID;

/**
 * An object changed since the version a change was made against (ETSI's Generation check): the
 * caller should read it again. Permanent for this request.
 */
public class GenerationConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final int currentGeneration;

    public GenerationConflictException(UUID objectId, int expected, int current) {
        super("object " + objectId + " is at generation " + current + ", change was made against " + expected, false);
        this.currentGeneration = current;
    }

    /** The stored generation ({@code 0} when the object does not exist). */
    public int currentGeneration() {
        return currentGeneration;
    }
}
