package org.lexgate.adapters.filedrop;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.lexgate.adapters.PermanentAdapterException;

/**
 * The file-drop connector's settings. Every key but {@code directory} has a default; {@link #KEYS}
 * gives each key's one-line description.
 *
 * @param requests        the folder the node writes requests into
 * @param answers         the folder the node picks answers up from ({@code done/} and {@code rejected/} inside it)
 * @param pollInterval    how often the node polls for answers
 * @param maxRequestBytes the largest signed request handed over; a larger one fails permanently
 * @param maxDataBytes    the largest data file an answer may carry; a larger one is rejected
 */
public record FileDropConfig(Path requests, Path answers, Duration pollInterval, long maxRequestBytes,
                             long maxDataBytes) {

    /** Default {@code poll-interval}. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    /** Default {@code max-request-bytes}: 16 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L << 20;
    /** Default {@code max-data-bytes}: 32 MiB (the node embeds the data inline, base64-encoded). */
    public static final long DEFAULT_MAX_DATA_BYTES = 32L << 20;

    private static final Duration MIN_POLL = Duration.ofMillis(100);
    private static final Duration MAX_POLL = Duration.ofHours(1);

    /** The settings keys and what each does. */
    public static final Map<String, String> KEYS = keys();

    private static Map<String, String> keys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("directory", "required: the exchange folder; requests/ and answers/ are made inside it");
        m.put("requests-dir", "folder for requests; default <directory>/requests; relative to <directory>");
        m.put("answers-dir", "folder for answers; default <directory>/answers; relative to <directory>");
        m.put("poll-interval", "how often the node looks for answers, ISO-8601 (PT2S) or milliseconds; default PT2S, 100 ms to 1 h");
        m.put("max-request-bytes", "largest signed request written; default 16777216; larger fails permanently");
        m.put("max-data-bytes", "largest answer data file; default 33554432; larger answers are rejected");
        return Map.copyOf(m);
    }

    public FileDropConfig {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.compareTo(MIN_POLL) < 0 || pollInterval.compareTo(MAX_POLL) > 0) {
            throw new IllegalArgumentException("poll-interval must be between 100 ms and 1 h: " + pollInterval);
        }
        if (maxRequestBytes <= 0 || maxDataBytes <= 0) {
            throw new IllegalArgumentException("max-request-bytes and max-data-bytes must be positive");
        }
        if (requests.toAbsolutePath().normalize().equals(answers.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("requests and answers must be different folders: " + requests);
        }
    }

    /** The default layout under {@code directory}: {@code requests/} and {@code answers/}, default limits. */
    public static FileDropConfig under(Path directory) {
        return new FileDropConfig(directory.resolve("requests"), directory.resolve("answers"),
                DEFAULT_POLL_INTERVAL, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_DATA_BYTES);
    }

    /** A copy with another poll interval. */
    public FileDropConfig withPollInterval(Duration interval) {
        return new FileDropConfig(requests, answers, interval, maxRequestBytes, maxDataBytes);
    }

    /** A copy with other size limits. */
    public FileDropConfig withLimits(long maxRequest, long maxData) {
        return new FileDropConfig(requests, answers, pollInterval, maxRequest, maxData);
    }

    /**
     * Reads settings with the keys of {@link #KEYS}.
     *
     * @throws PermanentAdapterException a key is unknown, {@code directory} is missing, or a value is invalid
     */
    public static FileDropConfig fromSettings(Map<String, String> settings) throws PermanentAdapterException {
        for (String key : settings.keySet()) {
            if (!KEYS.containsKey(key)) {
                throw new PermanentAdapterException("filedrop: unknown key '" + key + "'; known keys: " + KEYS.keySet());
            }
        }
        String dir = settings.get("directory");
        if (dir == null || dir.isBlank()) {
            throw new PermanentAdapterException("filedrop: 'directory' is required");
        }
        try {
            Path root = Path.of(dir.strip());
            FileDropConfig c = under(root);
            return new FileDropConfig(
                    root.resolve(settings.getOrDefault("requests-dir", "requests").strip()),
                    root.resolve(settings.getOrDefault("answers-dir", "answers").strip()),
                    duration(settings.get("poll-interval"), c.pollInterval),
                    number("max-request-bytes", settings.get("max-request-bytes"), c.maxRequestBytes),
                    number("max-data-bytes", settings.get("max-data-bytes"), c.maxDataBytes));
        } catch (IllegalArgumentException e) {
            throw new PermanentAdapterException("filedrop: " + e.getMessage(), e);
        }
    }

    private static Duration duration(String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        try {
            return v.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(v)) : Duration.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("poll-interval is not a duration: " + v);
        }
    }

    private static long number(String key, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + value.strip());
        }
    }
}
