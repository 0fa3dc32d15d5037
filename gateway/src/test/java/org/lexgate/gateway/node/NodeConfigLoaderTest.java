package org.lexgate.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.Role;
import org.lexgate.trust.pki.TestParty;

class NodeConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsAConfigurationWithItsDefaults() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        NodeConfig config = TestNetwork.load(network.config(TestParty.XB_PROVIDER, "")).config();

        assertThat(config.identity()).isEqualTo(PartyId.parse("XB-PROVIDER"));
        assertThat(config.roles()).containsExactly(Role.PROVIDER);
        assertThat(config.signing().alias()).isEqualTo("xb-provider");
        assertThat(config.hop().key()).isSameAs(config.signing());
        assertThat(config.hop().trustAnchors()).isEmpty();
        assertThat(config.database().url()).isEmpty();
        assertThat(config.broker().embedded()).isTrue();
        assertThat(config.endpoints().soap()).contains(NodeConfigLoader.DEFAULT_SOAP);
        assertThat(config.endpoints().etsiHttp()).isEmpty();
        assertThat(config.endpoints().etsiHttpEmergency()).as("no ETSI HTTP endpoint to put it beside").isEmpty();
        assertThat(config.limits().processingConsumers()).isEqualTo(4);
        assertThat(config.retry().processingAttempts()).isEqualTo(3);
        assertThat(config.roleSettings()).isEmpty();
    }

    @Test
    void readsEverySetting() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        Path file = network.config(TestParty.XA_CP, """
                  <roles>contact-point</roles>
                  <hop trustAnchors="%s" timestampTtlSeconds="120" clockSkewSeconds="30"/>
                  <database url="jdbc:h2:mem:x" user="sa" schema="lexgate"/>
                  <broker url="tcp://127.0.0.1:61616"/>
                  <endpoints><soap>http://127.0.0.1:0/s</soap><inboundQueue>in.q</inboundQueue></endpoints>
                  <limits maxMessageBytes="100000" processingConsumers="2"/>
                  <roleSettings><setting key="mode" value="forward"/></roleSettings>
                """.formatted(TestNetwork.pki().rootCertificatePem()));
        NodeConfig config = TestNetwork.load(file).config();

        assertThat(config.hop().trustAnchors()).contains(TestNetwork.pki().rootCertificatePem());
        assertThat(config.hop().timestampTtl()).hasSeconds(120);
        assertThat(config.database().url()).contains("jdbc:h2:mem:x");
        assertThat(config.database().schema()).contains("lexgate");
        assertThat(config.broker().url()).contains("tcp://127.0.0.1:61616");
        assertThat(config.endpoints().effectiveReceiptQueue()).contains("in.q.receipts");
        assertThat(config.limits().xml().maxBytes()).isEqualTo(100_000);
        assertThat(config.roleSettings()).containsEntry("mode", "forward");
    }

    @Test
    void theEmergencyIntakeIsOnByDefaultBesideTheEtsiHttpEndpoint() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        NodeConfig config = TestNetwork.load(network.config(TestParty.XB_PROVIDER,
                "  <endpoints><etsiHttp>http://127.0.0.1:8544/lexgate/hi1</etsiHttp></endpoints>\n")).config();

        assertThat(config.endpoints().etsiHttp()).contains(new NodeConfig.HttpListener(
                URI.create("http://127.0.0.1:8544/lexgate/hi1"), NodeConfigLoader.defaultEtsiHttpWorkers(),
                NodeConfigLoader.DEFAULT_HTTP_BACKLOG));
        assertThat(config.endpoints().etsiHttpEmergency()).contains(new NodeConfig.HttpListener(
                URI.create("http://127.0.0.1:8644/lexgate/hi1"), NodeConfigLoader.DEFAULT_EMERGENCY_WORKERS,
                NodeConfigLoader.DEFAULT_HTTP_BACKLOG));
    }

    @Test
    void readsTheHttpListenersWorkersAndBacklog() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        NodeConfig config = TestNetwork.load(network.config(TestParty.XB_PROVIDER, """
                  <endpoints>
                    <etsiHttp workers="6" backlog="50">http://127.0.0.1:0/hi1</etsiHttp>
                    <etsiHttpEmergency workers="3" backlog="10">http://127.0.0.1:9000/urgent</etsiHttpEmergency>
                  </endpoints>
                """)).config();

        assertThat(config.endpoints().etsiHttp()).contains(
                new NodeConfig.HttpListener(URI.create("http://127.0.0.1:0/hi1"), 6, 50));
        assertThat(config.endpoints().etsiHttpEmergency()).contains(
                new NodeConfig.HttpListener(URI.create("http://127.0.0.1:9000/urgent"), 3, 10));
    }

    @Test
    void theEmergencyIntakeCanBeTurnedOffOrStandAlone() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        NodeConfig off = TestNetwork.load(network.config(TestParty.XB_PROVIDER, """
                  <endpoints>
                    <etsiHttp>http://127.0.0.1:0/hi1</etsiHttp>
                    <etsiHttpEmergency enabled="false"/>
                  </endpoints>
                """)).config();
        NodeConfig alone = TestNetwork.load(network.config(TestParty.XB_PROVIDER, """
                  <endpoints><etsiHttpEmergency>http://127.0.0.1:0/urgent</etsiHttpEmergency></endpoints>
                """)).config();

        assertThat(off.endpoints().etsiHttp()).isPresent();
        assertThat(off.endpoints().etsiHttpEmergency()).isEmpty();
        assertThat(alone.endpoints().etsiHttp()).isEmpty();
        assertThat(alone.endpoints().etsiHttpEmergency().map(NodeConfig.HttpListener::address))
                .contains(URI.create("http://127.0.0.1:0/urgent"));
    }

    @Test
    void anEmergencyIntakeWithoutAPlaceOfItsOwnStopsTheNode() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        Path samePort = network.config(TestParty.XB_PROVIDER, """
                  <endpoints>
                    <etsiHttp>http://127.0.0.1:8544/hi1</etsiHttp>
                    <etsiHttpEmergency>http://127.0.0.1:8544/urgent</etsiHttpEmergency>
                  </endpoints>
                """);
        assertThatThrownBy(() -> TestNetwork.load(samePort)).isInstanceOf(NodeConfigException.class)
                .hasMessageContaining(samePort + ":10: etsiHttpEmergency http://127.0.0.1:8544/urgent is on the etsiHttp"
                        + " endpoint's port");

        Path nowhere = network.config(TestParty.XB_PROVIDER, """
                  <endpoints>
                    <etsiHttpEmergency workers="2"/>
                  </endpoints>
                """);
        assertThatThrownBy(() -> TestNetwork.load(nowhere)).isInstanceOf(NodeConfigException.class)
                .hasMessageContaining(nowhere + ":9: etsiHttpEmergency needs a URL");

        Path noWorkers = network.config(TestParty.XB_PROVIDER, """
                  <endpoints><etsiHttp workers="0">http://127.0.0.1:8544/hi1</etsiHttp></endpoints>
                """);
        assertThatThrownBy(() -> TestNetwork.load(noWorkers)).isInstanceOf(NodeConfigException.class)
                .hasMessageContaining(noWorkers + ":8: ").hasMessageContaining("Workers");

        Path https = network.config(TestParty.XB_PROVIDER, """
                  <endpoints><etsiHttpEmergency>https://127.0.0.1:8544/hi1</etsiHttpEmergency></endpoints>
                """);
        assertThatThrownBy(() -> TestNetwork.load(https)).isInstanceOf(NodeConfigException.class)
                .hasMessageContaining(https + ":8: etsiHttpEmergency endpoint https://127.0.0.1:8544/hi1: only http");
    }

    @Test
    void aBrokenConfigurationReportsFileLineAndReasonForEveryError() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        Path file = dir.resolve("broken.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <node xmlns="http://lexgate.org/ns/node/2026/11">
                  <identity>XA-AGENCY</identity>
                  <directory>%s</directory>
                  <limits processingConsumers="lots"/>
                  <colour>blue</colour>
                </node>
                """.formatted(network.directory()));

        assertThatThrownBy(() -> TestNetwork.load(file))
                .isInstanceOfSatisfying(NodeConfigException.class, e -> {
                    assertThat(e.errors()).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(e.errors()).allSatisfy(error -> assertThat(error.file()).isEqualTo(file));
                    assertThat(e.errors()).anySatisfy(error -> {
                        assertThat(error.line()).isEqualTo(5);
                        assertThat(error.reason()).contains("lots");
                    });
                    assertThat(e.errors()).anySatisfy(error -> {
                        assertThat(error.line()).isEqualTo(6);
                        assertThat(error.reason()).contains("colour");
                    });
                    assertThat(e.getMessage()).contains(file + ":5: ");
                });
    }

    @Test
    void filesAndSecretsItNamesAreCheckedWithTheLineThatNamesThem() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        Path file = dir.resolve("secrets.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <node xmlns="http://lexgate.org/ns/node/2026/11">
                  <identity>XC-NOBODY</identity>
                  <directory>%s</directory>
                  <signing keystore="missing.p12" passwordEnv="NO_SUCH_VARIABLE"/>
                </node>
                """.formatted(network.directory()));

        assertThatThrownBy(() -> new NodeConfigLoader(Map.<String, String>of()::get).load(file))
                .isInstanceOfSatisfying(NodeConfigException.class, e -> {
                    assertThat(e.getMessage()).contains(file + ":3: party XC-NOBODY is not in the party directory");
                    assertThat(e.getMessage()).contains(file + ":5: signing keystore password: environment variable"
                            + " NO_SUCH_VARIABLE is not set");
                    assertThat(e.getMessage()).contains(file + ":5: signing keystore " + dir.resolve("missing.p12")
                            + " does not exist");
                });
    }

    @Test
    void aWrongKeystorePasswordStopsTheNode() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        Path file = network.config(TestParty.XA_AGENCY, "");

        assertThatThrownBy(() -> new NodeConfigLoader(Map.of("LEXGATE_KEY_PASSWORD", "wrong")::get).load(file))
                .isInstanceOf(NodeConfigException.class)
                .hasMessageContaining("cannot be opened");
    }

    @Test
    void theDirectoryErrorsAreReportedWithTheDirectoryFileAndLine() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        Files.writeString(network.directory(), Files.readString(network.directory()).replace("<roles>agency</roles>",
                "<roles>police</roles>"));

        assertThatThrownBy(() -> TestNetwork.load(network.config(TestParty.XB_PROVIDER, "")))
                .isInstanceOf(NodeConfigException.class)
                .hasMessageContaining(network.directory() + ":");
    }
}
