package org.lexgate.gateway.network;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lexgate.gateway.node.Node;
import org.lexgate.gateway.node.NodeConfigLoader;
import org.lexgate.gateway.role.RoleDispatcher;
import org.lexgate.gateway.role.RoleHandler;
import org.lexgate.gateway.role.Roles;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.TestDirectoryWriter;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;

/**
 * The example network of the test PKI on one machine, for {@code lexgate demo} and the end-to-end
 * tests: a freshly generated test PKI (NOT FOR PRODUCTION), its party directory with every party's
 * SOAP endpoint on a free loopback port (plain HTTP: the hop is protected by WS-Security), and one
 * node configuration per party ({@code NAME/node.xml}, data in {@code NAME/data}). Nodes are started
 * and stopped by party; a stopped node keeps its data folder, so it restarts where it stopped.
 *
 * <p>Routes (TestDirectoryWriter): at XA-AGENCY everything for XB goes through XA-CP, except
 * subscriber information under the Second Additional Protocol Art. 7, which goes straight to
 * XB-PROVIDER; XA-CP forwards to XB-CP; XB-CP gives effect to requests for XB-PROVIDER, except
 * preservations (Budapest Art. 29), which it forwards.
 */
public final class LoopbackNetwork implements AutoCloseable {

    /** The environment the nodes read their key password from (the test PKI's fixed password). */
    public static final Function<String, String> ENVIRONMENT =
            name -> "LEXGATE_KEY_PASSWORD".equals(name) ? TestPki.KEYSTORE_PASSWORD : System.getenv(name);

    private final Path base;
    private final TestPki pki;
    private final Path directoryFile;
    private final Map<TestParty, Integer> ports;
    private final Map<TestParty, Path> configs = new EnumMap<>(TestParty.class);
    private final Map<TestParty, Node> running = new EnumMap<>(TestParty.class);
    private final Map<TestParty, RoleHandler> handlers = new EnumMap<>(TestParty.class);

    private LoopbackNetwork(Path base, TestPki pki, Path directoryFile, Map<TestParty, Integer> ports) {
        this.base = base;
        this.pki = pki;
        this.directoryFile = directoryFile;
        this.ports = ports;
    }

    /**
     * Generates the PKI, the directory and a configuration for each of {@code parties} under
     * {@code base}.
     *
     * @param settings role settings per party (may be empty)
     * @param database per party, a JDBC URL and schema for PostgreSQL, or empty for embedded H2
     */
    public static LoopbackNetwork create(Path base, List<TestParty> parties, Map<TestParty, Map<String, String>> settings,
            Function<TestParty, Optional<Database>> database) throws IOException, GeneralSecurityException {
        Files.createDirectories(base);
        TestPki pki = TestPki.generate(base.resolve("pki"));
        Path directory = base.resolve("directory.xml");
        TestDirectoryWriter.write(pki, directory);
        Map<TestParty, Integer> ports = new EnumMap<>(TestParty.class);
        String xml = Files.readString(directory, StandardCharsets.UTF_8);
        int written = 8441;
        for (TestParty p : TestParty.values()) {
            int port = freePort();
            ports.put(p, port);
            xml = xml.replace("https://localhost:" + written + "/", "http://127.0.0.1:" + port + "/");
            written++;
        }
        Files.writeString(directory, xml, StandardCharsets.UTF_8);
        LoopbackNetwork network = new LoopbackNetwork(base, pki, directory, ports);
        for (TestParty p : parties) {
            network.configs.put(p, network.writeConfig(p, settings.getOrDefault(p, Map.of()), database.apply(p)));
        }
        return network;
    }

    /** A PostgreSQL database for one node: its JDBC URL (with user) and its own schema. */
    public record Database(String url, String schema) {
    }

    private Path writeConfig(TestParty p, Map<String, String> settings, Optional<Database> database) throws IOException {
        Path folder = base.resolve(p.alias());
        Files.createDirectories(folder);
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- lexgate demo node ").append(p.id()).append(" (NOT FOR PRODUCTION: test PKI keys) -->\n")
                .append("<node xmlns=\"").append(NodeConfigLoader.NAMESPACE).append("\" version=\"1\">\n")
                .append("  <identity>").append(p.id()).append("</identity>\n")
                .append("  <roles>").append(p.role()).append("</roles>\n")
                .append("  <directory>").append(directoryFile.toAbsolutePath()).append("</directory>\n")
                .append("  <dataDirectory>").append(folder.resolve("data").toAbsolutePath()).append("</dataDirectory>\n")
                .append("  <signing keystore=\"").append(pki.signer(p).keystore().toAbsolutePath())
                .append("\" alias=\"").append(p.alias()).append("\"/>\n");
        database.ifPresent(d -> xml.append("  <database url=\"").append(d.url().replace("&", "&amp;"))
                .append("\" schema=\"").append(d.schema()).append("\"/>\n"));
        xml.append("  <endpoints>\n")
                .append("    <soap>http://127.0.0.1:").append(ports.get(p)).append("/lexgate/soap</soap>\n")
                .append("  </endpoints>\n")
                .append("  <retry processingAttempts=\"20\" initialDelayMillis=\"100\" maxDelayMillis=\"1000\""
                        + " deliveryAttempts=\"1000\"/>\n");
        if (!settings.isEmpty()) {
            xml.append("  <roleSettings>\n");
            settings.forEach((k, v) -> xml.append("    <setting key=\"").append(k).append("\" value=\"")
                    .append(v.replace("&", "&amp;").replace("\"", "&quot;")).append("\"/>\n"));
            xml.append("  </roleSettings>\n");
        }
        xml.append("</node>\n");
        Path file = folder.resolve("node.xml");
        Files.writeString(file, xml.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Starts (or restarts) the node of a party, in this process. */
    public synchronized Node start(TestParty party) throws Exception {
        Node node = running.get(party);
        if (node != null) {
            return node;
        }
        NodeConfigLoader.Loaded loaded = new NodeConfigLoader(ENVIRONMENT).load(config(party));
        node = Node.start(loaded, context -> {
            RoleHandler handler = Roles.create(context);
            handlers.put(party, handler);
            return handler;
        });
        running.put(party, node);
        return node;
    }

    /** Stops a party's node (its data stays). */
    public synchronized void stop(TestParty party) {
        RoleHandler handler = handlers.remove(party);
        if (handler != null) {
            handler.close();
        }
        Node node = running.remove(party);
        if (node != null) {
            node.close();
        }
    }

    public synchronized boolean isRunning(TestParty party) {
        return running.containsKey(party);
    }

    public synchronized Node node(TestParty party) {
        Node node = running.get(party);
        if (node == null) {
            throw new IllegalStateException(party.id() + " is not running");
        }
        return node;
    }

    /** The role dispatcher of a running node (its agency desk, answer poller, follow-up check). */
    public synchronized RoleDispatcher roles(TestParty party) {
        RoleHandler handler = handlers.get(party);
        if (!(handler instanceof RoleDispatcher d)) {
            throw new IllegalStateException(party.id() + " is not running");
        }
        return d;
    }

    public Path config(TestParty party) {
        Path file = configs.get(party);
        if (file == null) {
            throw new IllegalArgumentException(party.id() + " has no node in this network");
        }
        return file;
    }

    /** The file-drop folder of a provider's node. */
    public Path fileDrop(TestParty provider) {
        return base.resolve(provider.alias()).resolve("data").resolve("filedrop");
    }

    public TestPki pki() {
        return pki;
    }

    public Path directoryFile() {
        return directoryFile;
    }

    public Path base() {
        return base;
    }

    public static PartyId id(TestParty party) {
        return new PartyId(party.countryCode(), party.id());
    }

    /** The parties with a node configuration, in the order given to {@link #create}. */
    public List<TestParty> parties() {
        return List.copyOf(new LinkedHashMap<>(configs).keySet());
    }

    @Override
    public synchronized void close() {
        for (TestParty p : List.copyOf(running.keySet())) {
            stop(p);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
