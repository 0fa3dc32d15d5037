package org.lexgate.message.build;

/**
 * ETSI's {@code AuthorisationPriority} dictionary (guideline §30: prioritise requests consistently,
 * nationally and internationally). An emergency request is always {@link #HIGH}.
 */
public enum Priority {
    /** Ordinary processing. */
    ROUTINE("Routine"),
    /** To be handled before routine requests; always set for emergencies (§30, §34). */
    HIGH("High");

    private final String value;

    Priority(String value) {
        this.value = value;
    }

    /** The dictionary value as written on the wire. */
    public String value() {
        return value;
    }
}
