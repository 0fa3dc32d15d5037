package org.lexgate.gateway.e2e;

/** The end-to-end suite with every node's record in its embedded H2 file database. */
class H2EndToEndTest extends EndToEndSuite {

    @Override
    String database() {
        return null;
    }
}
