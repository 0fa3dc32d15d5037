package org.lexgate.bench.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.gateway.node.Node;
import org.lexgate.gateway.node.NodeConfigLoader;
import org.lexgate.trust.directory.TestDirectoryWriter;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;

/**
 * Real lexgate nodes for the load generator, started in this JVM from the gateway's node assembly
 * ({@link Node#start}) with their default stores: an H2 file database and an embedded Artemis
 * broker with a persistent journal, in a data folder per node. The example network's directory is
 * rewritten so every party's SOAP hop endpoint is on a free loopback port. NOT FOR PRODUCTION: the
 * keys are the test PKI's.
 */
public final class BenchNetwork {

    private static final Map<String, String> ENV = Map.of("LEXGATE_KEY_PASSWORD", TestPki.KEYSTORE_PASSWORD);

    private final BenchFixture fixture;
    private final Path root;
    private final Path directory;
    private final Map<TestParty, Integer> ports = new EnumMap<>(TestParty.class);

    private BenchNetwork(BenchFixture fixture, Path root) throws IOException {
        this.fixture = fixture;
        this.root = root;
        this.directory = root.resolve("directory.xml");
        for (TestParty party : TestParty.values()) {
            ports.put(party, freePort());
        }
        Files.createDirectories(root);
        TestDirectoryWriter.write(fixture.pki(), directory);
        String xml = Files.readString(directory);
        int port = 8441;
        for (TestParty party : TestParty.values()) {
            String from = "https://localhost:" + port++;
            xml = xml.replace(from + "/lexgate/soap", soapUrl(party))
                    .replace(from + "/lexgate/hi1", "http://127.0.0.1:" + ports.get(party) + "/lexgate/hi1");
        }
        Files.writeString(directory, xml);
    }

    /** A network folder under {@code root} (a fresh one per run: stores are not reused). */
    public static BenchNetwork in(BenchFixture fixture, Path root) throws IOException {
        return new BenchNetwork(fixture, root);
    }

    /** Starts {@code party}'s node: SOAP on its directory port, ETSI POST on a free port. */
    public Node start(TestParty party) throws Exception {
        return start(party, "");
    }

    /** Starts {@code party}'s node with {@code extra} elements in its configuration (after the endpoints). */
    public Node start(TestParty party, String extra) throws Exception {
        Path file = root.resolve(party.alias() + ".xml");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- lexgate bench: " + party.id() + " (NOT FOR PRODUCTION: test PKI) -->\n"
                + "<node xmlns=\"" + NodeConfigLoader.NAMESPACE + "\" version=\"1\">\n"
                + "  <identity>" + party.id() + "</identity>\n"
                + "  <directory>" + directory + "</directory>\n"
                + "  <dataDirectory>" + root.resolve("data-" + party.alias()) + "</dataDirectory>\n"
                + "  <signing keystore=\"" + fixture.pki().signer(party).keystore() + "\" alias=\"" + party.alias() + "\"/>\n"
                + "  <endpoints>\n"
                + "    <soap>" + soapUrl(party) + "</soap>\n"
                + "    <etsiHttp>http://127.0.0.1:0/lexgate/hi1</etsiHttp>\n"
                + "  </endpoints>\n"
                + extra
                + "</node>\n";
        Files.writeString(file, xml);
        return Node.start(new NodeConfigLoader(ENV::get).load(file));
    }

    /** {@code party}'s node as the load generator's target, with its embedded H2 store. */
    public NodeUnderTest underTest(TestParty party) throws Exception {
        return underTest(party, null);
    }

    /**
     * {@code party}'s node as the load generator's target; its record in {@code database} (a JDBC URL,
     * in a schema of its own named after this run) or, when null, in its embedded H2 file store.
     */
    public NodeUnderTest underTest(TestParty party, String database) throws Exception {
        String schema = "lexgate_bench_" + System.currentTimeMillis();
        Node node = database == null ? start(party) : start(party, "  <database url=\"" + xmlAttribute(database)
                + "\" schema=\"" + schema + "\"/>\n");
        URI etsi = node.etsiHttpAddress().orElseThrow(() -> new IllegalStateException("the node has no ETSI endpoint"));
        String store = database == null ? "H2 file store" : "store " + database.replaceAll("password=[^&;]*", "password=***")
                + " schema " + schema;
        String description = party.id() + " node in this JVM (gateway Node.start: " + store + ", embedded Artemis"
                + " with persistent journal, SOAP hop " + node.soapAddress().map(URI::toString).orElse("off")
                + ", ETSI POST " + etsi + ", emergency intake "
                + node.emergencyIntakeAddress().map(URI::toString).orElse("off") + ")";
        return new NodeUnderTest() {
            @Override
            public URI etsiPostAddress() {
                return etsi;
            }

            @Override
            public Optional<URI> emergencyIntakeAddress() {
                return node.emergencyIntakeAddress();
            }

            @Override
            public Optional<URI> soapAddress() {
                return node.soapAddress();
            }

            @Override
            public OptionalLong processingBacklog() {
                long n = node.processingBacklog();
                return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void close() {
                node.close();
            }
        };
    }

    public String soapUrl(TestParty party) {
        return "http://127.0.0.1:" + ports.get(party) + "/lexgate/soap";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String xmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
