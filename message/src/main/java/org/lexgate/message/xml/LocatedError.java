package org.lexgate.message.xml;

import java.nio.file.Path;

/** One thing wrong with a configuration file: where (file, line, column; 0 when unknown) and why. */
public record LocatedError(Path file, int line, int column, String reason) {

    /** {@code file:line: reason}, the form editors and build tools link to. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
