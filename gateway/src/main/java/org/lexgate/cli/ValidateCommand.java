package org.lexgate.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lexgate.message.Hi1Codec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lexgate validate FILE...}: the message checks a node runs before it looks at signatures —
 * size and structure limits, hardened parse, supported objects, schema, lexical rules, dictionaries.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks HI-1 messages against lexgate's profile of ETSI TS 103 120:",
            "limits, hardened parse, supported objects, schema, lexical rules and dictionaries.",
            "Prints one line per file: 'FILE: OK' or 'FILE: REJECTED <code> <safe text>'.",
            "Exit status: 0 when all are OK, 1 when any is rejected, 2 for a usage error."
        })
final class ValidateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ValidateCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "HI-1 message files to check.")
    List<Path> files;

    @Override
    public Integer call() {
        Hi1Codec codec = Hi1Codec.createDefault();
        return CliFiles.checkEach(files, spec.commandLine().getOut(), LOG, file -> {
            try (InputStream in = Files.newInputStream(file)) {
                codec.validate(in);
            }
            return "";
        });
    }
}
