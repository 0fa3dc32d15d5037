package org.lexgate.gateway.role;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lexgate.store.FollowUpClocks;

/**
 * The role handlers' settings, from the node configuration's role settings (key = value). Every key
 * has a default:
 * <ul>
 *   <li>{@code followup.period} (P60D): how long a preservation received through the 24/7 network
 *       waits for its mutual-legal-assistance request; never less than 60 days (Budapest Convention
 *       Art. 29(7)).</li>
 *   <li>{@code followup.warn-before} (P7D): how long before the deadline the requester is warned.</li>
 *   <li>{@code followup.check-interval} (PT1M): how often the clocks are checked.</li>
 *   <li>{@code adapter.type} (filedrop): the provider's back-end connector; every other
 *       {@code adapter.*} key goes to it without the prefix. The file drop's exchange folder defaults
 *       to {@code DATA/filedrop} (requests/ and answers/ inside it).</li>
 * </ul>
 */
public record RoleSettings(Duration followUpPeriod, Duration warnBefore, Duration checkInterval, String adapterType,
        Map<String, String> adapterSettings) {

    public static RoleSettings from(Map<String, String> settings, Path dataDirectory) {
        Map<String, String> adapter = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith("adapter.") && !k.equals("adapter.type")) {
                adapter.put(k.substring("adapter.".length()), v);
            }
        });
        String type = settings.getOrDefault("adapter.type", "filedrop");
        if (type.equals("filedrop")) {
            adapter.putIfAbsent("directory", dataDirectory.resolve("filedrop").toString());
        }
        Duration period = duration(settings, "followup.period", FollowUpClocks.MINIMUM);
        if (period.compareTo(FollowUpClocks.MINIMUM) < 0) {
            period = FollowUpClocks.MINIMUM;
        }
        return new RoleSettings(period, duration(settings, "followup.warn-before", Duration.ofDays(7)),
                duration(settings, "followup.check-interval", Duration.ofMinutes(1)), type, Map.copyOf(adapter));
    }

    private static Duration duration(Map<String, String> settings, String key, Duration fallback) {
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("role setting " + key + " = '" + value
                    + "' is not an ISO-8601 duration such as P60D or PT30S", e);
        }
    }
}
