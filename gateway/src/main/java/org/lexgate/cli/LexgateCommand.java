package org.lexgate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lexgate} command line. Every command prints its results on standard output, one line
 * per input, and the detail behind a refusal in the log on standard error. Exit status: 0 when
 * everything passed, 1 when something was refused, 2 for a usage error.
 */
@Command(
        name = "lexgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Secure gateway for legally binding data requests (ETSI TS 103 120).",
        footer = {
            "",
            "  bench     Runs the benchmark suite (the ./lexgate launcher starts it from the",
            "              bench module; see docs/benchmarks.md and 'lexgate bench --help')."
        },
        subcommands = {
            ValidateCommand.class,
            SignCommand.class,
            VerifyCommand.class,
            PkiCommand.class,
            ServeCommand.class,
            SendCommand.class,
            TrailCommand.class,
            DlqCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LexgateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new LexgateCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
