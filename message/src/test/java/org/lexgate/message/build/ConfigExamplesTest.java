package org.lexgate.message.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.xmlunit.assertj3.XmlAssert;

/**
 * The committed example messages in config/examples/ (one per message type, made by
 * {@link ExampleMessages}): each passes the codec and the official ETSI schemas, and each is
 * still what the builders make today.
 *
 * <p>To regenerate them after a builder change:
 * {@code mvn -pl message test -Dtest=ConfigExamplesTest -Dlexgate.regenerateExamples=true}.
 * The folder is {@code -Dlexgate.examples.dir}, else ../config/examples (from the module).
 */
class ConfigExamplesTest {

    private static final Hi1Codec CODEC = Hi1Codec.createDefault();

    static Path folder() {
        String configured = System.getProperty("lexgate.examples.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../config/examples");
        return dir.toAbsolutePath().normalize();
    }

    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (!Boolean.getBoolean("lexgate.regenerateExamples")) {
            return;
        }
        Files.createDirectories(folder());
        for (Map.Entry<String, Supplier<HI1Message>> e : ExampleMessages.all().entrySet()) {
            Path file = folder().resolve(e.getKey() + ".xml");
            Files.write(file, Hi1Messages.write(e.getValue().get()));
            System.out.println("regenerated " + file);
        }
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(folder())) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void thereIsOneFileForEveryExampleMessageAndNothingElse() throws Exception {
        List<String> expected = ExampleMessages.all().keySet().stream().map(n -> n + ".xml").sorted().toList();
        assertThat(files().stream().map(p -> p.getFileName().toString()).toList())
                .as("config/examples/ (regenerate with -Dlexgate.regenerateExamples=true)")
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void passesTheLexgateCodec(Path file) throws Exception {
        CODEC.parse(Files.readAllBytes(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void validatesAgainstTheOfficialEtsiSchemas(Path file) throws Exception {
        OfficialEtsiSchemas.validate(Files.readAllBytes(file), file.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void isWhatTheBuildersMakeToday(Path file) throws Exception {
        String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
        Supplier<HI1Message> example = ExampleMessages.all().get(name);
        assertThat(example).as("no example message named " + name).isNotNull();
        XmlAssert.assertThat(Hi1Messages.write(example.get())).and(Files.readAllBytes(file))
                .ignoreWhitespace().areSimilar();
    }
}
