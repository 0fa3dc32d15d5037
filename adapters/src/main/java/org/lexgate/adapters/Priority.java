package org.lexgate.adapters;

/**
 * The requester's priority (guideline §30), as ETSI's {@code AuthorisationPriority} dictionary has it.
 * An emergency ({@link ProviderRequest#emergency()}) is always handled first, whatever the priority.
 */
public enum Priority {
    /** ETSI {@code High}. */
    HIGH,
    /** ETSI {@code Routine}; also used when the request names no priority. */
    ROUTINE
}
