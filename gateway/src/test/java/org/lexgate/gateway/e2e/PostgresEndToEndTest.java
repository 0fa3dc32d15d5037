package org.lexgate.gateway.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The same end-to-end suite with every node's record in PostgreSQL, a fresh schema per node and
 * run, when {@code LEXGATE_TEST_PG_URL} names a database (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); skipped, saying why, without it.
 */
class PostgresEndToEndTest extends EndToEndSuite {

    @Override
    String database() {
        return E2eNetwork.pgUrl();
    }

    @BeforeAll
    @Override
    void startNetwork() throws Exception {
        if (E2eNetwork.pgUrl() == null) {
            System.out.println("PostgresEndToEndTest skipped: " + E2eNetwork.PG_ENV + " is not set"
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        }
        assumeTrue(E2eNetwork.pgUrl() != null, E2eNetwork.PG_ENV + " is not set: the PostgreSQL variant is skipped");
        super.startNetwork();
    }
}
