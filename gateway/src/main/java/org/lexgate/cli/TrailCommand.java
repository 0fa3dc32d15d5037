package org.lexgate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.lexgate.gateway.node.NodeConfig;
import org.lexgate.gateway.node.NodeConfigException;
import org.lexgate.store.AuditEntry;
import org.lexgate.store.AuditEvent;
import org.lexgate.store.Store;
import org.lexgate.store.StoredMessage;
import org.lexgate.store.StoredReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lexgate trail}: every message, receipt and status change of a case, in the order they
 * happened, with who signed each (guidelines §25, §52), read from the node's hash-chained audit
 * trail; the chain is checked first.
 */
@Command(
        name = "trail",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the audit trail of a case: every message received or sent, every receipt, every status",
            "change, relay and follow-up event, in order, with the document signer of each message and of",
            "its receipt. REFERENCE is the case's registration number (e.g. XA-AGENCY-2026-0042).",
            "Exit status: 0 when the case has events and the chain is intact, 1 when it has none or the",
            "chain is broken, 2 for a usage error."
        })
final class TrailCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node's configuration file.")
    Path configFile;

    @Parameters(index = "0", paramLabel = "REFERENCE", description = "The case reference.")
    String reference;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        NodeConfig config;
        try {
            config = NodeRecord.config(configFile);
        } catch (NodeConfigException e) {
            spec.commandLine().getErr().println("lexgate trail: " + e.getMessage());
            return 2;
        }
        try (Store store = NodeRecord.open(config)) {
            List<String> lines = lines(store, reference);
            lines.forEach(out::println);
            var broken = store.audit().firstBrokenLink();
            if (broken.isPresent()) {
                out.println("trail: THE AUDIT CHAIN IS BROKEN at event " + broken.getAsLong());
                return 1;
            }
            out.println("trail: " + (lines.size() - 1) + " event(s) for " + reference + " at " + config.identity()
                    + ", audit chain intact");
            return lines.size() > 1 ? 0 : 1;
        }
    }

    /** The trail of a case as printed lines: a heading, then one line per event. */
    static List<String> lines(Store store, String caseRef) {
        Map<UUID, Optional<StoredMessage>> messages = new HashMap<>();
        List<AuditEvent> events = store.audit().trail(caseRef);
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        lines.add("case " + caseRef + ":");
        for (AuditEvent e : events) {
            AuditEntry a = e.entry();
            StringBuilder line = new StringBuilder();
            line.append(String.format("%5d %s %-17s", e.seq(), e.recordedAt(), a.type()));
            if (a.party() != null) {
                line.append(" party=").append(a.party());
            }
            if (a.transactionId() != null) {
                line.append(" tx=").append(a.transactionId());
            }
            if (a.messageId() != null) {
                Optional<StoredMessage> m = messages.computeIfAbsent(a.messageId(), id -> store.messages().get(id));
                m.ifPresent(msg -> line.append(" ").append(msg.direction()).append(' ').append(msg.sender()).append(" -> ")
                        .append(msg.receiver()).append(msg.neighbour() == null ? "" : " via " + msg.neighbour())
                        .append(" signed by [").append(msg.signer().subject()).append("]"));
                Optional<StoredReceipt> r = store.messages().receipt(a.messageId());
                r.ifPresent(rc -> line.append(" receipt signed by [").append(rc.signer().subject()).append("]"));
            } else if (a.signerSubject() != null) {
                line.append(" signed by [").append(a.signerSubject()).append("]");
            }
            if (a.code() != null) {
                line.append(" code=").append(a.code());
            }
            if (a.detail() != null) {
                line.append(" : ").append(a.detail());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
