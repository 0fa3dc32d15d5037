package org.lexgate.trust.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One test PKI per test JVM, generated on first use into a temporary directory that is deleted when
 * the JVM exits (key generation is the slow part of the trust tests). Tests must not modify it; a
 * test that needs its own PKI calls {@link TestPki#generate} with a JUnit {@code @TempDir}.
 */
public final class SharedTestPki {

    private static TestPki pki;

    private SharedTestPki() {
    }

    public static synchronized TestPki get() {
        if (pki == null) {
            try {
                Path dir = Files.createTempDirectory("lexgate-test-pki-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                pki = TestPki.generate(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return pki;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is in the system's temporary folder
        }
    }
}
