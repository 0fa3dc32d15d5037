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
        Path dir = target.getParent();
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID() + "-" + target.getFileName());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
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
