package org.lexgate.gateway.node;

import java.nio.file.Path;

/** One thing wrong with a node configuration: where (file, line; 0 when unknown) and why. */
public record ConfigError(Path file, int line, String reason) {

    /** {@code file:line: reason}, the form editors and build tools link to. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
