package org.lexgate.adapters.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void filesWrittenTogetherAllArriveWithTheirExactBytesAndNoTemporaryFileIsLeft() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "old");
        AtomicFiles.writeAll(List.of(content("a.xml", "<a/>"), content("b.txt", "new")));

        assertThat(Files.readString(dir.resolve("a.xml"))).isEqualTo("<a/>");
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("new");
        assertThat(names()).containsExactlyInAnyOrder("a.xml", "b.txt");
    }

    @Test
    void whenALaterRenameFailsTheEarlierFilesAreInPlaceAndNoTemporaryFileIsLeft() throws IOException {
        Files.createDirectories(dir.resolve("b.txt").resolve("taken")); // a non-empty folder cannot be replaced

        assertThatThrownBy(() -> AtomicFiles.writeAll(List.of(content("a.xml", "<a/>"), content("b.txt", "new"))))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(dir.resolve("a.xml"))).isEqualTo("<a/>");
        assertThat(names()).containsExactlyInAnyOrder("a.xml", "b.txt");
    }

    @Test
    void filesOfDifferentFoldersAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        assertThatThrownBy(() -> AtomicFiles.writeAll(List.of(content("a.xml", "<a/>"),
                new AtomicFiles.Content(other.resolve("b.txt"), new byte[1]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share a folder");
        assertThat(names()).containsExactly("other");
    }

    private AtomicFiles.Content content(String name, String text) {
        return new AtomicFiles.Content(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
