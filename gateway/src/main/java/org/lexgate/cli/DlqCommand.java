package org.lexgate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.lexgate.delivery.Broker;
import org.lexgate.delivery.BrokerSettings;
import org.lexgate.delivery.DeadLetters;
import org.lexgate.gateway.node.NodeConfig;
import org.lexgate.gateway.node.NodeConfigException;
import org.lexgate.store.DeadLetter;
import org.lexgate.store.OutboundRecord;
import org.lexgate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lexgate dlq list|resend}: the messages delivery gave up on, with the reason, and putting
 * one back on its destination's queue once the cause is fixed (issue 4 items 4 and 9).
 */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = "The dead-letter queue: outbound messages delivery gave up on.",
        subcommands = {DlqCommand.List.class, DlqCommand.Resend.class})
final class DlqCommand {

    @Option(names = "--config", required = true, scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "FILE",
            description = "The node's configuration file.")
    Path configFile;

    @Option(names = "--broker", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "URL",
            description = "The node's broker (e.g. tcp://127.0.0.1:61616); default: the configured external broker,"
                    + " else the embedded broker's journal in the data folder (the node must be stopped).")
    String brokerUrl;

    NodeConfig config() throws NodeConfigException {
        return NodeRecord.config(configFile);
    }

    Optional<String> broker(NodeConfig config) {
        return Optional.ofNullable(brokerUrl).or(() -> config.broker().url());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the dead letters, oldest first: message id, destination, lane, case,",
                "transaction, code, reason, attempts. Exit status 0."})
    static final class List implements Callable<Integer> {

        @ParentCommand
        DlqCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            NodeConfig config;
            try {
                config = parent.config();
            } catch (NodeConfigException e) {
                spec.commandLine().getErr().println("lexgate dlq: " + e.getMessage());
                return 2;
            }
            try (Store store = NodeRecord.open(config)) {
                java.util.List<DeadLetter> letters = store.outbound().deadLetters();
                for (DeadLetter d : letters) {
                    out.println(d.messageId() + " to " + d.destination() + " (" + d.lane() + ") case " + d.caseRef()
                            + " tx " + d.transactionId() + " code " + d.code() + " after " + d.attempts()
                            + " attempt(s) at " + d.deadLetteredAt() + ": " + d.reason()
                            + (d.resendCount() > 0 ? " [resent " + d.resendCount() + "x before]" : ""));
                }
                out.println("dlq: " + letters.size() + " dead letter(s) at " + config.identity());
                return 0;
            }
        }
    }

    @Command(name = "resend", mixinStandardHelpOptions = true,
            description = {"Puts a dead letter back on its destination's queue (its lane, attempts reset).",
                "Exit status: 0 when resent, 1 when no dead letter has this id, 2 for a usage error."})
    static final class Resend implements Callable<Integer> {

        @ParentCommand
        DlqCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "MESSAGE-ID", description = "The message id `dlq list` shows.")
        String messageId;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            NodeConfig config;
            UUID id;
            try {
                config = parent.config();
                id = UUID.fromString(messageId);
            } catch (NodeConfigException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("lexgate dlq resend: " + e.getMessage());
                return 2;
            }
            try (Store store = NodeRecord.open(config)) {
                boolean dead = store.outbound().deadLetters().stream().anyMatch(d -> d.messageId().equals(id));
                if (!dead) {
                    out.println("dlq: no dead letter " + id + " at " + config.identity());
                    return 1;
                }
                int moved;
                try {
                    moved = moveBack(config, id);
                } catch (RuntimeException | jakarta.jms.JMSException e) {
                    spec.commandLine().getErr().println("lexgate dlq resend: cannot reach the node's broker: " + e.getMessage()
                            + " (while the node runs, give --broker with its loopback acceptor, or stop it first)");
                    return 2;
                }
                Optional<OutboundRecord> record = store.outbound().resendRequested(id, "operator (lexgate dlq resend)");
                out.println("dlq: " + id + " to " + record.map(OutboundRecord::destination).orElse("?")
                        + " is pending again; " + moved + " queued message(s) moved back to its lane"
                        + (moved == 0 ? " (none was on the dead-letter queue: the node sends it when it next starts)" : ""));
                return 0;
            }
        }

        /** Moves the dead letter back to its lane: through the given or external broker, else on the stopped node's journal. */
        private int moveBack(NodeConfig config, UUID id) throws jakarta.jms.JMSException {
            Optional<String> url = parent.broker(config);
            if (url.isPresent()) {
                char[] pw = config.broker().password();
                var factory = Broker.clientFactory(url.get(), config.broker().user().orElse(null),
                        pw == null || pw.length == 0 ? null : new String(pw));
                try (factory) {
                    return new DeadLetters(factory).resend(id.toString());
                }
            }
            try (Broker broker = Broker.start(BrokerSettings.embedded(config.dataDirectory().resolve("broker")))) {
                return new DeadLetters(broker.connectionFactory()).resend(id.toString());
            }
        }
    }
}
