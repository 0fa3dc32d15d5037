package org.lexgate.gateway.node;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The node configuration could not be used. Carries every error found, each with file, line and
 * reason; the message lists them one per line. A node that gets this does not start.
 */
public class NodeConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public NodeConfigException(Path file, List<ConfigError> errors) {
        super("node configuration " + file + " has " + errors.size() + " error(s):\n"
                + errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
