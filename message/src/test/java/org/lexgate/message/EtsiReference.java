package org.lexgate.message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * ETSI's official reference folder (schemas, dictionaries, examples): system property
 * {@code lexgate.etsi.dir} (the parent pom's surefire sets it), else ../../shared/etsi-103120.
 */
final class EtsiReference {

    private EtsiReference() {
    }

    static Path folder() {
        String configured = System.getProperty("lexgate.etsi.dir");
        Path folder = configured != null && !configured.isBlank()
                ? Path.of(configured) : Path.of("../../shared/etsi-103120");
        return folder.toAbsolutePath().normalize();
    }

    /** Skips the calling test, saying plainly why, when the ETSI folder is absent. */
    static Path requireFolder() {
        Path folder = folder();
        Assumptions.assumeTrue(Files.isDirectory(folder.resolve("v1.23.1/examples/xml")),
                "ETSI reference folder absent at " + folder + " (set -Dlexgate.etsi.dir): ETSI conformance tests skipped");
        return folder;
    }

    static List<Path> examples() {
        try (Stream<Path> files = Files.list(requireFolder().resolve("v1.23.1/examples/xml"))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official ETSI schemas, with the example service schema one example delivers. */
    static SchemaSet officialSchemas() {
        Path root = requireFolder();
        List<URL> urls = new ArrayList<>();
        for (String dir : List.of("w3c", "ts103280", "v1.12.1/dictionaries", "v1.23.1/schema/xsd", "v1.12.1/schema")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.filter(p -> p.toString().endsWith(".xsd")).sorted().forEach(p -> urls.add(url(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        urls.add(url(root.resolve("v1.23.1/examples/xml/FooServiceSchema.xsd")));
        return SchemaSet.compile(urls);
    }

    static Dictionaries officialDictionaries() {
        return Dictionaries.load(url(requireFolder().resolve("v1.23.1/dictionaries/ts_103120_ETSIDictionaryDefinitions.xml")));
    }

    static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
