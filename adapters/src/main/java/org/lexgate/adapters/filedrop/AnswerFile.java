package org.lexgate.adapters.filedrop;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.lexgate.adapters.DataAnswer;
import org.lexgate.adapters.DataExistenceAnswer;
import org.lexgate.adapters.DataFormat;
import org.lexgate.adapters.ObjectIdentifier;
import org.lexgate.adapters.PreservationConfirmed;
import org.lexgate.adapters.ProviderAnswer;
import org.lexgate.adapters.RefusalAnswer;
import org.lexgate.adapters.RefusalReason;

/**
 * Reads one {@code <task>.answer.properties} file (and the data file it names) into a
 * {@link ProviderAnswer}, failing closed: an unknown type, key or refusal reason, a missing or
 * duplicated key, a task that does not match the file name, a missing, unsafe or oversized data file
 * all make it malformed, with a reason a person can act on.
 *
 * @param id       SHA-256 over the answer file's bytes and its data file's SHA-256: the same answer, the same id
 * @param answer   the answer
 * @param dataFile the data file, for a data answer
 */
record AnswerFile(String id, ProviderAnswer answer, Optional<Path> dataFile) {

    /** Answer files end with this; what precedes it is the task reference. */
    static final String SUFFIX = ".answer.properties";
    /** The largest answer file read (a note or explanation may be long; data goes in a separate file). */
    static final long MAX_ANSWER_FILE_BYTES = 1L << 20;

    private static final Map<String, Set<String>> KEYS_BY_TYPE = Map.of(
            "data", Set.of("task", "type", "dataFile", "mediaType", "format"),
            "existence", Set.of("task", "type", "exists", "note"),
            "refusal", Set.of("task", "type", "reason", "explanation"),
            "preserved", Set.of("task", "type", "preservedUntil", "note"));

    static AnswerFile read(Path file, long maxDataBytes) throws IOException, MalformedAnswerException {
        String name = file.getFileName().toString();
        if (Files.isSymbolicLink(file)) {
            throw new MalformedAnswerException("answer file is a symbolic link; drop a regular file");
        }
        ObjectIdentifier task = taskFromName(name);
        if (Files.size(file) > MAX_ANSWER_FILE_BYTES) {
            throw new MalformedAnswerException("answer file is larger than " + MAX_ANSWER_FILE_BYTES
                    + " bytes; put data in a separate dataFile");
        }
        byte[] bytes = Files.readAllBytes(file);
        Map<String, String> p = load(bytes);
        String type = required(p, "type");
        Set<String> allowed = KEYS_BY_TYPE.get(type);
        if (allowed == null) {
            throw new MalformedAnswerException("unknown type '" + type + "'; use data, existence, refusal or preserved");
        }
        Path data = "data".equals(type) ? dataFile(file.getParent(), p) : null;
        try {
            for (String key : p.keySet()) {
                if (!allowed.contains(key)) {
                    throw new MalformedAnswerException("unknown key '" + key + "' for type=" + type
                            + "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
            String declared = required(p, "task");
            if (!declared.equals(task.value())) {
                throw new MalformedAnswerException("task mismatch: file is named for " + task.value()
                        + " but task=" + declared);
            }
            return switch (type) {
                case "data" -> data(task, p, data, bytes, maxDataBytes);
                case "existence" -> new AnswerFile(id(bytes, null),
                        new DataExistenceAnswer(task, yesNo(required(p, "exists")), optional(p, "note")), Optional.empty());
                case "refusal" -> new AnswerFile(id(bytes, null),
                        new RefusalAnswer(task, reason(required(p, "reason")), required(p, "explanation")), Optional.empty());
                default -> new AnswerFile(id(bytes, null),
                        new PreservationConfirmed(task, instant(required(p, "preservedUntil")), optional(p, "note")),
                        Optional.empty());
            };
        } catch (MalformedAnswerException e) {
            throw new MalformedAnswerException(e.getMessage(), data);
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswerException(e.getMessage(), data);
        }
    }

    /** The task reference in an answer file's name. */
    static ObjectIdentifier taskFromName(String name) throws MalformedAnswerException {
        String prefix = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : "";
        if (!ObjectIdentifier.isValid(prefix)) {
            throw new MalformedAnswerException("file name must be <task-ref>" + SUFFIX
                    + " with the task's lower-case UUID: " + name);
        }
        return ObjectIdentifier.of(prefix);
    }

    private static AnswerFile data(ObjectIdentifier task, Map<String, String> p, Path data, byte[] answerBytes,
                                   long maxDataBytes) throws IOException, MalformedAnswerException {
        long size = Files.size(data);
        if (size > maxDataBytes) {
            throw new MalformedAnswerException("data file " + data.getFileName() + " has " + size
                    + " bytes, more than max-data-bytes " + maxDataBytes, data);
        }
        String mediaType = required(p, "mediaType");
        DataFormat format = format(p.get("format"), mediaType);
        byte[] content = Files.readAllBytes(data);
        return new AnswerFile(id(answerBytes, content), new DataAnswer(task, content, mediaType, format), Optional.of(data));
    }

    /** The data file an answer names: a plain file name in the answers folder, an existing regular file. */
    private static Path dataFile(Path dir, Map<String, String> p) throws MalformedAnswerException {
        String name = required(p, "dataFile");
        if (name.contains("/") || name.contains("\\") || name.startsWith(".") || name.endsWith(SUFFIX)
                || name.endsWith(".reason") || name.chars().anyMatch(c -> c < 0x20)) {
            throw new MalformedAnswerException("dataFile must be a plain file name in the answers folder,"
                    + " not hidden, not an answer file: " + name);
        }
        Path data = dir.resolve(name);
        if (!Files.isRegularFile(data, LinkOption.NOFOLLOW_LINKS)) {
            throw new MalformedAnswerException("dataFile " + name + " is missing (or not a regular file);"
                    + " write the data file before the answer file");
        }
        return data;
    }

    private static DataFormat format(String value, String mediaType) throws MalformedAnswerException {
        if (value == null) {
            String m = mediaType.toLowerCase(Locale.ROOT);
            int semi = m.indexOf(';');
            m = (semi >= 0 ? m.substring(0, semi) : m).strip();
            return m.equals("application/xml") || m.equals("text/xml") || m.endsWith("+xml") ? DataFormat.XML : DataFormat.BINARY;
        }
        return switch (value) {
            case "xml" -> DataFormat.XML;
            case "binary" -> DataFormat.BINARY;
            default -> throw new MalformedAnswerException("format must be xml or binary: " + value);
        };
    }

    private static RefusalReason reason(String value) throws MalformedAnswerException {
        Optional<RefusalReason> r = RefusalReason.fromValue(value);
        if (r.isPresent()) {
            return r.get();
        }
        StringBuilder known = new StringBuilder();
        for (RefusalReason each : RefusalReason.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(each.value());
        }
        throw new MalformedAnswerException("unknown refusal reason '" + value + "'; use one of: " + known);
    }

    private static boolean yesNo(String value) throws MalformedAnswerException {
        return switch (value) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new MalformedAnswerException("exists must be true, false, yes or no: " + value);
        };
    }

    private static Instant instant(String value) throws MalformedAnswerException {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new MalformedAnswerException("preservedUntil must be an ISO-8601 time with offset,"
                    + " e.g. 2026-03-31T23:59:59Z: " + value);
        }
    }

    private static String required(Map<String, String> p, String key) throws MalformedAnswerException {
        String v = p.get(key);
        if (v == null || v.isBlank()) {
            throw new MalformedAnswerException("missing " + key);
        }
        return v.strip();
    }

    private static Optional<String> optional(Map<String, String> p, String key) {
        String v = p.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** Decodes strict UTF-8 and loads properties, refusing a key given twice. */
    private static Map<String, String> load(byte[] bytes) throws MalformedAnswerException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedAnswerException("answer file is not UTF-8 text");
        }
        Map<String, String> out = new LinkedHashMap<>();
        String[] duplicate = new String[1];
        Properties props = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (out.putIfAbsent((String) key, (String) value) != null && duplicate[0] == null) {
                    duplicate[0] = (String) key;
                }
                return super.put(key, value);
            }
        };
        try {
            props.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedAnswerException("answer file is not a properties file: " + e.getMessage());
        }
        if (duplicate[0] != null) {
            throw new MalformedAnswerException("key given twice: " + duplicate[0]);
        }
        return out;
    }

    private static String id(byte[] answerBytes, byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(answerBytes);
            if (data != null) {
                md.update(MessageDigest.getInstance("SHA-256").digest(data));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
