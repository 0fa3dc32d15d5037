package org.lexgate.gateway.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Map;
import org.lexgate.trust.directory.TestDirectoryWriter;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;

/**
 * The example network for node tests: one test PKI per JVM (generating one takes seconds), and per
 * test a party directory whose SOAP endpoints are plain http on free loopback ports, plus a node
 * configuration file per party. NOT FOR PRODUCTION.
 */
public final class TestNetwork {

    /** The password environment of every test node. */
    public static final Map<String, String> ENV = Map.of("LEXGATE_KEY_PASSWORD", TestPki.KEYSTORE_PASSWORD);

    private static TestPki pki;

    private final Path root;
    private final Path directory;
    private final Map<TestParty, Integer> ports = new EnumMap<>(TestParty.class);

    private TestNetwork(Path root) throws IOException {
        this.root = root;
        this.directory = root.resolve("directory.xml");
        for (TestParty party : TestParty.values()) {
            ports.put(party, freePort());
        }
        writeDirectory();
    }

    /** A network in {@code root} (a test's temporary folder). */
    public static TestNetwork in(Path root) {
        try {
            return new TestNetwork(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PKI shared by every test of this JVM. */
    public static synchronized TestPki pki() {
        if (pki == null) {
            try {
                Path dir = Files.createTempDirectory("lexgate-gateway-pki");
                pki = TestPki.generate(dir);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate the test PKI", e);
            }
        }
        return pki;
    }

    public Path directory() {
        return directory;
    }

    public int port(TestParty party) {
        return ports.get(party);
    }

    public String soapUrl(TestParty party) {
        return "http://127.0.0.1:" + port(party) + "/lexgate/soap";
    }

    /** Writes the configuration of {@code party}'s node, with {@code extra} elements inside {@code <node>}. */
    public Path config(TestParty party, String extra) {
        Path file = root.resolve(party.alias() + ".xml");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<node xmlns=\"" + NodeConfigLoader.NAMESPACE + "\" version=\"1\">\n"
                + "  <identity>" + party.id() + "</identity>\n"
                + "  <directory>" + directory + "</directory>\n"
                + "  <dataDirectory>" + root.resolve("data-" + party.alias()) + "</dataDirectory>\n"
                + "  <signing keystore=\"" + pki().signer(party).keystore() + "\" alias=\"" + party.alias() + "\"/>\n"
                + "  <retry initialDelayMillis=\"100\" maxDelayMillis=\"1000\" processingAttempts=\"3\" deliveryAttempts=\"8\"/>\n"
                + extra
                + "</node>\n";
        try {
            Files.writeString(file, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The configuration of a node with a SOAP endpoint on its directory port and an ETSI HTTP endpoint. */
    public Path config(TestParty party) {
        return config(party, "  <endpoints>\n    <soap>" + soapUrl(party) + "</soap>\n"
                + "    <etsiHttp>http://127.0.0.1:0/lexgate/hi1</etsiHttp>\n"
                + "    <inboundQueue>lexgate." + party.alias() + ".in</inboundQueue>\n  </endpoints>\n");
    }

    /** Loads a configuration with the test password environment. */
    public static NodeConfigLoader.Loaded load(Path config) throws NodeConfigException {
        return new NodeConfigLoader(ENV::get).load(config);
    }

    private void writeDirectory() throws IOException {
        TestDirectoryWriter.write(pki(), directory);
        String xml = Files.readString(directory);
        int port = 8441;
        for (TestParty party : TestParty.values()) {
            String from = "https://localhost:" + port++;
            xml = xml.replace(from + "/lexgate/soap", soapUrl(party))
                    .replace(from + "/lexgate/hi1", "http://127.0.0.1:" + port(party) + "/lexgate/hi1");
        }
        Files.writeString(directory, xml);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
