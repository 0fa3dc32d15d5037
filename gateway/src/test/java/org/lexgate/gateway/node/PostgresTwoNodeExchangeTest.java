package org.lexgate.gateway.node;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.trust.pki.TestParty;

/**
 * The two-node exchange with both nodes' records in PostgreSQL (a fresh schema per node and test),
 * when {@code LEXGATE_TEST_PG_URL} names a database, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. Without it the test is skipped and
 * says why.
 */
class PostgresTwoNodeExchangeTest {

    static final String ENV = "LEXGATE_TEST_PG_URL";

    @TempDir
    Path dir;

    private Node agency;
    private Node provider;

    @AfterEach
    void stop() {
        if (agency != null) {
            agency.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anAgencyRequestReachesTheProviderWithBothRecordsInPostgresql() throws Exception {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            System.out.println("PostgresTwoNodeExchangeTest skipped: " + ENV + " is not set"
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        }
        assumeTrue(url != null && !url.isBlank(), ENV + " is not set: the PostgreSQL variant is skipped");
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestNetwork network = TestNetwork.in(dir);
        RecordingRoles providerRoles = new RecordingRoles();
        provider = Node.start(TestNetwork.load(network.config(TestParty.XB_PROVIDER,
                database(url, "lg_provider_" + run) + endpoints(network, TestParty.XB_PROVIDER))), providerRoles);
        agency = Node.start(TestNetwork.load(network.config(TestParty.XA_AGENCY,
                database(url, "lg_agency_" + run) + endpoints(network, TestParty.XA_AGENCY))), new RecordingRoles());

        TwoNodeExchangeTest.exchange(agency, provider, providerRoles);
    }

    private static String database(String url, String schema) {
        return "  <database url=\"" + url.replace("&", "&amp;") + "\" schema=\"" + schema + "\"/>\n";
    }

    private static String endpoints(TestNetwork network, TestParty party) {
        return "  <endpoints><soap>" + network.soapUrl(party) + "</soap></endpoints>\n";
    }
}
