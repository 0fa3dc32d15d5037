package org.lexgate.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lexgate.gateway.network.Demo;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lexgate demo}: the whole network on one machine (issue 4 item 10). Needs nothing
 * installed: embedded H2 and Artemis per node, a test PKI generated for the run.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts four nodes on loopback (agency XA-AGENCY, contact points XA-CP and XB-CP, provider",
            "XB-PROVIDER) with a freshly generated test PKI (NOT FOR PRODUCTION) in a temporary folder, sends",
            "a domestic disclosure, a cross-border disclosure, a cross-border preservation and the disclosure",
            "that follows it, an emergency request and a direct request the provider refuses; a scripted back",
            "office answers through the provider's file drop. Prints the way of every message and every",
            "signature checked. Exit status: 0 when every exchange completed, 1 otherwise."
        })
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the PKI, directory and node data; default a new temporary folder.")
    Path dir;

    @Option(names = "--verbose", description = "Keep the nodes' log (standard error) at its configured level; default: errors only.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (!verbose && LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            for (ch.qos.logback.classic.Logger logger : logback.getLoggerList()) {
                if (logger.getLevel() != null) {
                    logger.setLevel(ch.qos.logback.classic.Level.ERROR);
                }
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("lexgate-demo-");
        int[] result = new Demo(out).run(folder);
        out.println();
        out.println("demo: " + result[0] + " of " + result[1] + " exchanges completed");
        return result[0] == result[1] ? 0 : 1;
    }
}
