package org.lexgate.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.trust.directory.PartyId;

/**
 * The example node configurations in {@code config/} load without error against the example
 * directory and a development PKI where {@code lexgate pki init config/pki} puts it.
 */
class ExampleConfigsTest {

    private static final Path CONFIG = Path.of("..", "config");

    @TempDir
    Path dir;

    @Test
    void everyExampleNodeConfigurationLoads() throws Exception {
        copyTree(TestNetwork.pki().directory(), dir.resolve("pki"));
        Files.copy(CONFIG.resolve("directory-example.xml"), dir.resolve("directory-example.xml"));
        List<Path> examples;
        try (Stream<Path> files = Files.list(CONFIG)) {
            examples = files.filter(f -> f.getFileName().toString().matches("node-.*\\.xml")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        for (Path example : examples) {
            Path copy = dir.resolve(example.getFileName());
            Files.copy(example, copy);
            NodeConfig config = TestNetwork.load(copy).config();
            assertThat(config.endpoints().soap()).isPresent();
            assertThat(config.endpoints().etsiHttpEmergency()).as(example + ": the emergency intake").isPresent();
            assertThat(TestNetwork.load(copy).directory().party(config.identity())).isPresent();
            assertThat(config.identity()).isNotEqualTo(PartyId.parse("XX:NONE"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
