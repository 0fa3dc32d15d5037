package org.lexgate.delivery;

import java.util.regex.Pattern;

/**
 * The names of lexgate's queues on the broker. Every outbound destination (a party id from the
 * directory) has two: {@code lexgate.out.<party>} for routine traffic and
 * {@code lexgate.out.<party>.emergency} for the emergency lane. Messages that could not be
 * delivered go to {@link #DEAD}, expired ones to {@link #EXPIRED}.
 */
public final class Queues {

    /** Prefix of every outbound queue; the broker's redelivery settings match {@code lexgate.out.#}. */
    public static final String OUT_PREFIX = "lexgate.out.";
    /** Suffix of an emergency lane. */
    public static final String EMERGENCY_SUFFIX = ".emergency";
    /** The dead-letter queue: the application's and the broker's (address settings for {@code #}). */
    public static final String DEAD = "lexgate.dead";
    /** Where the broker moves expired messages. */
    public static final String EXPIRED = "lexgate.expired";

    /**
     * A party id usable in a queue name: letters, digits, '-' and '_', at most 100 characters. No
     * dots (they would collide with the emergency suffix and the broker's wildcard words) and no
     * wildcard or URI characters.
     */
    private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private Queues() {
    }

    /** The queue of one destination's lane. */
    public static String out(String party, boolean emergency) {
        return OUT_PREFIX + checkParty(party) + (emergency ? EMERGENCY_SUFFIX : "");
    }

    /** The party id, checked to be usable in a queue name. */
    public static String checkParty(String party) {
        if (party == null || !PARTY.matcher(party).matches()) {
            throw new IllegalArgumentException("party id not usable as a queue name (letters, digits, '-', '_'): "
                    + party);
        }
        return party;
    }
}
