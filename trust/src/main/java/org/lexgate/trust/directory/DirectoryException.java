package org.lexgate.trust.directory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The party directory could not be loaded. Carries every error found, each with file, line and
 * reason; the message lists them one per line. A node that gets this must not start.
 */
public class DirectoryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<DirectoryError> errors;

    public DirectoryException(Path file, List<DirectoryError> errors) {
        super("party directory " + file + " has " + errors.size() + " error(s):\n"
                + errors.stream().map(DirectoryError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<DirectoryError> errors() {
        return errors;
    }
}
