package org.lexgate.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.lexgate.trust.accept.MessageAcceptance;
import org.lexgate.trust.directory.DirectoryException;
import org.lexgate.trust.directory.PartyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lexgate verify}: every acceptance check a node runs — parse, schema, document signature,
 * sender binding and authority — so that a provider can check a request before it discloses
 * anything (§24, §51).
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Runs every acceptance check a node runs on signed HI-1 messages: limits and parse, schema,",
            "document signature, sender binding (certificate, chain, validity, revocation) and authority.",
            "Prints one line per file: 'FILE: OK <sender>' or 'FILE: REJECTED <code> <safe text>'.",
            "Exit status: 0 when all pass, 1 when any is rejected, 2 for a usage error."
        })
final class VerifyCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(VerifyCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--directory", required = true, paramLabel = "FILE", description = "The party directory to trust.")
    Path directoryFile;

    @Option(names = "--at", paramLabel = "TIME",
            description = "Check as at this instant (ISO-8601, e.g. 2026-11-28T12:00:00Z); default: now.")
    Instant at;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Signed HI-1 message files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PartyDirectory directory;
        try {
            directory = PartyDirectory.load(directoryFile);
        } catch (DirectoryException e) {
            spec.commandLine().getErr().println("lexgate verify: the directory is not valid:");
            e.errors().forEach(error -> spec.commandLine().getErr().println("  " + error));
            return 2;
        }
        MessageAcceptance acceptance = MessageAcceptance.forDirectory(directory);
        Instant when = at == null ? Instant.now() : at;
        return CliFiles.checkEach(files, out, LOG,
                file -> acceptance.accept(Files.readAllBytes(file), when).sender().id().toString());
    }
}
