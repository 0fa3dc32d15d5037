package org.lexgate.adapters.filedrop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * File operations that never leave a partial file under its final name: write to a hidden temporary
 * file in the same folder, force it to disk, rename it atomically over the target, force the folder.
 * Temporary files start with {@link #TEMP_PREFIX}; readers skip names starting with a dot.
 */
final class AtomicFiles {

    /** Prefix of the temporary files this class writes; {@link #removeStaleTemps} deletes them after a crash. */
    static final String TEMP_PREFIX = ".lexgate-tmp-";

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} atomically and durably, replacing an existing file. */
    static void write(Path target, byte[] content) throws IOException {
        writeAll(List.of(new Content(target, content)));
    }

    /** A file to write: its final name and its bytes. */
    record Content(Path target, byte[] bytes) {
    }

    /**
     * Writes files of one folder atomically and durably, each replacing an existing file, and makes
     * them appear in the given order: every temporary file is written and forced to disk first, then
     * each is renamed over its target, then the folder is forced once. So a request's two files cost
     * three forces instead of four (each of them a journal commit on ext4), and a reader that waits
     * for the last name finds the others complete. If a write fails no target has changed; if a
     * rename fails the targets before it are in place.
     */
    static void writeAll(List<Content> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        Path dir = files.get(0).target().getParent();
        for (Content f : files) {
            if (!dir.equals(f.target().getParent())) {
                throw new IllegalArgumentException("files written together share a folder: " + f.target() + " is not in " + dir);
            }
        }
        List<Path> temps = new ArrayList<>(files.size());
        try {
            for (Content f : files) {
                Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID() + "-" + f.target().getFileName());
                temps.add(temp);
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(f.bytes());
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
            }
            for (int i = 0; i < files.size(); i++) {
                Files.move(temps.get(i), files.get(i).target(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
        syncDirectory(dir);
    }

    /**
     * Moves {@code source} into {@code dir} atomically under {@code name}, or, when that name is taken,
     * under {@code base.N.ext} with the first free N. Returns the target. The caller serialises moves
     * into {@code dir}.
     */
    static Path moveUnique(Path source, Path dir, String name) throws IOException {
        Path target = freeName(dir, name);
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
        syncDirectory(source.getParent());
        return target;
    }

    /** {@code dir/name} if free, else {@code dir/base.N.ext} with the first free N. */
    static Path freeName(Path dir, String name) {
        Path target = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = dir.resolve(base + "." + n + ext);
        }
        return target;
    }

    /** Deletes temporary files a crash left in {@code dir}; returns how many. */
    static int removeStaleTemps(Path dir) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Forces a folder's entries to disk where the platform allows it (not on Windows). */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; NTFS journals renames itself.
        }
    }
}
