package org.lexgate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import org.lexgate.trust.directory.TestDirectoryWriter;
import org.lexgate.trust.pki.TestIdentity;
import org.lexgate.trust.pki.TestPki;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lexgate pki}: the development PKI. NOT FOR PRODUCTION. */
@Command(
        name = "pki",
        mixinStandardHelpOptions = true,
        description = "Development PKI for tests and demos (NOT FOR PRODUCTION).",
        subcommands = {PkiCommand.Init.class, CommandLine.HelpCommand.class})
final class PkiCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: pki init DIR");
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = {
                "Creates a development CA, keys and certificates for example agencies, contact points and",
                "providers in countries XA and XB, deliberately bad certificates (expired, not yet valid,",
                "revoked, unknown CA, RSA-1024, wrong subject), a CRL, and a party directory (DIR/directory.xml)",
                "that uses them. Everything is labelled NOT FOR PRODUCTION."
            })
    static final class Init implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder to create (must be empty or absent).")
        Path directory;

        @Override
        public Integer call() throws IOException, GeneralSecurityException {
            TestPki pki = TestPki.generate(directory);
            Path directoryFile = directory.resolve("directory.xml");
            TestDirectoryWriter.write(pki, directoryFile);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Development PKI written to " + directory + " — NOT FOR PRODUCTION");
            out.println("  root CA:    " + pki.rootCertificatePem());
            out.println("  CRL:        " + pki.crlPem());
            out.println("  directory:  " + directoryFile);
            for (TestIdentity identity : pki.identities()) {
                out.println("  " + identity);
            }
            out.println("  keystore password: " + new String(pki.keystorePassword()) + " (see " + pki.readme() + ")");
            return 0;
        }
    }
}
