package org.lexgate.bench.micro;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.bench.fixture.BenchMessages;

/**
 * The fixture of one JMH fork: the folder named by the system property {@value #FIXTURE_PROPERTY}
 * (the runner generates the test PKI there once, before forking) or, without it, a fresh temporary one.
 */
final class MicroState {

    static final String FIXTURE_PROPERTY = "lexgate.bench.fixture";

    private static BenchFixture fixture;

    private MicroState() {
    }

    static synchronized BenchFixture fixture() throws Exception {
        if (fixture == null) {
            String folder = System.getProperty(FIXTURE_PROPERTY);
            fixture = BenchFixture.open(folder != null ? Path.of(folder) : Files.createTempDirectory("lexgate-bench-"));
        }
        return fixture;
    }

    /** An unsigned routine request of about {@code size} bytes once signed. */
    static byte[] request(int size) {
        return BenchMessages.request(BenchFixture.AGENCY, BenchFixture.PROVIDER, UUID.randomUUID(), size);
    }
}
