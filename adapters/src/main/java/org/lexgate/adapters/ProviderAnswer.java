package org.lexgate.adapters;

/**
 * The back end's answer to one task, which the node turns into the standard ETSI response
 * (guideline §53): a Delivery with inline data and its SHA-256 checksum ({@link DataAnswer}), a
 * Delivery with {@code DataExistence} ({@link DataExistenceAnswer}), the LPTask marked
 * {@code Preserved} with its {@code PreservationExpiration} ({@link PreservationConfirmed}), or a
 * refusal with a lexgate {@code RefusalReason} and an explanation (guideline §57, {@link RefusalAnswer}).
 *
 * <p>Every answer names the task it answers. Which types fit which request: {@link RequestKind#accepts}.
 */
public sealed interface ProviderAnswer
        permits DataAnswer, DataExistenceAnswer, RefusalAnswer, PreservationConfirmed {

    /** The most characters an explanation or note may have: ETSI's {@code LongString}. */
    int MAX_TEXT_LENGTH = 65_535;

    /** The LDTask or LPTask {@code ObjectIdentifier} this answer is for. */
    ObjectIdentifier task();

    /** Checks a free text against {@link #MAX_TEXT_LENGTH}; used by the answer records. */
    static String checkText(String name, String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(name + " longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }
}
