package org.lexgate.adapters.filedrop;

import java.nio.file.Path;
import java.util.Optional;

/** An answer file the connector cannot accept; the message is the reason written beside it. */
final class MalformedAnswerException extends Exception {

    private final transient Path dataFile;

    MalformedAnswerException(String reason, Path dataFile) {
        super(reason);
        this.dataFile = dataFile;
    }

    MalformedAnswerException(String reason) {
        this(reason, null);
    }

    /** The data file the answer named, when it names one that exists; it is set aside with the answer. */
    Optional<Path> dataFile() {
        return Optional.ofNullable(dataFile);
    }
}
