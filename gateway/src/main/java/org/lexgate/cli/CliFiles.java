package org.lexgate.cli;

import org.lexgate.message.ErrorCode;

/** Small helpers shared by the commands. */
final class CliFiles {

    private CliFiles() {
    }

    /** The line printed for a file that could not be read at all. */
    static String unreadable() {
        return ErrorCode.GENERAL_BUSINESS_LOGIC_ERROR.code() + " The file could not be read.";
    }

    /** The keystore password: LEXGATE_KEY_PASSWORD, or a prompt on the terminal, or null. */
    static char[] keyPassword() {
        String fromEnvironment = System.getenv("LEXGATE_KEY_PASSWORD");
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        if (System.console() != null) {
            return System.console().readPassword("Keystore password: ");
        }
        return null;
    }
}
