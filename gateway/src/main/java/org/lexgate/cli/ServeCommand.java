package org.lexgate.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lexgate.gateway.node.Node;
import org.lexgate.gateway.node.NodeConfigException;
import org.lexgate.gateway.node.NodeConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lexgate serve}: runs one node from its configuration file until SIGTERM or SIGINT, then
 * stops it gracefully (stop accepting, finish what is in flight, close the broker after its
 * connection factory, close the store).
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a lexgate node (its roles, endpoints, store and broker) until SIGTERM or SIGINT.",
            "Passwords come from the environment variables the configuration names (default LEXGATE_KEY_PASSWORD).",
            "It prints SERVING with its endpoints when it accepts messages, and STOPPED once it has stopped.",
            "Exit status: that of the signal after a clean stop (143 for SIGTERM, 130 for SIGINT), 1 when the node",
            "could not start, 2 for a usage or configuration error."
        })
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node configuration (see config/).")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        NodeConfigLoader.Loaded loaded;
        try {
            loaded = new NodeConfigLoader().load(config);
        } catch (NodeConfigException e) {
            spec.commandLine().getErr().println("lexgate serve: " + e.getMessage());
            return 2;
        }
        Node node;
        try {
            node = Node.start(loaded);
        } catch (Exception e) {
            spec.commandLine().getErr().println("lexgate serve: node " + loaded.config().identity()
                    + " could not start: " + e.getMessage());
            LOG.debug("start-up failure", e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } finally {
                out.println(loaded.config().identity() + ": STOPPED");
                out.flush();
                stopped.countDown();
            }
        }, "lexgate-shutdown"));
        out.println(loaded.config().identity() + ": SERVING soap " + node.soapAddress().map(URI::toString).orElse("-")
                + ", etsi-http " + node.etsiHttpAddress().map(URI::toString).orElse("-")
                + ", queue " + loaded.config().endpoints().inboundQueue().orElse("-"));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
