package org.lexgate.trust.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** The file being read, where relative paths start, and the error list every check adds to. */
final class ParseContext {

    final Path file;
    final Path baseDir;
    final List<DirectoryError> errors;

    ParseContext(Path file, List<DirectoryError> errors) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.baseDir = parent == null ? Path.of(".") : parent;
        this.errors = errors;
    }

    void error(Element at, String reason) {
        errors.add(new DirectoryError(file, Dom.line(at), 0, reason));
    }

    Path resolve(String relativeOrAbsolute) {
        return baseDir.resolve(relativeOrAbsolute).normalize();
    }

    /** A certificate from {@code file="..."} or inline PEM; records an error and returns empty on failure. */
    Optional<X509Certificate> certificate(Element source, String what) {
        Optional<String> file = Dom.attribute(source, "file").filter(s -> !s.isEmpty());
        String inline = source.getTextContent().strip();
        if (file.isPresent() == !inline.isEmpty()) {
            error(source, what + ": give either file=\"...\" or inline PEM, not " + (file.isPresent() ? "both" : "neither"));
            return Optional.empty();
        }
        try {
            if (file.isPresent()) {
                return Optional.of(CertificateFiles.certificateFromFile(resolve(file.get())));
            }
            return Optional.of(CertificateFiles.certificateFromPem(inline));
        } catch (IOException | GeneralSecurityException e) {
            String where = file.map(f -> " " + resolve(f)).orElse(" (inline)");
            error(source, what + ": unreadable certificate" + where + ": " + oneLine(e));
            return Optional.empty();
        }
    }

    static String oneLine(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
