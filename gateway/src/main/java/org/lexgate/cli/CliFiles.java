package org.lexgate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.slf4j.Logger;

/** Small helpers shared by the commands. */
final class CliFiles {

    private CliFiles() {
    }

    /** One check of one file: returns what follows "OK" on its line (may be empty). */
    interface FileCheck {
        String check(Path file) throws IOException, MessageRejectedException;
    }

    /**
     * Runs a check on every file and prints one line each, {@code FILE: OK[ detail]} or
     * {@code FILE: REJECTED <code> <safe text>}; the detail of a refusal goes to the log.
     *
     * @return the exit status: 0 when every file passed, 1 otherwise
     */
    static int checkEach(List<Path> files, PrintWriter out, Logger log, FileCheck check) {
        boolean allOk = true;
        for (Path file : files) {
            try {
                String detail = check.check(file);
                out.println(file + ": OK" + (detail.isEmpty() ? "" : " " + detail));
            } catch (MessageRejectedException e) {
                allOk = false;
                out.println(file + ": REJECTED " + e.toPeerLine());
                log.warn("{}: refused with {} {}: {}", file, e.code().code(), e.code(), e.getMessage());
            } catch (IOException e) {
                allOk = false;
                out.println(file + ": REJECTED " + unreadable());
                log.warn("{}: cannot be read: {}", file, e.toString());
            }
        }
        out.flush();
        return allOk ? 0 : 1;
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
