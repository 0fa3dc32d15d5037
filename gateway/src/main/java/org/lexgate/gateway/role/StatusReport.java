package org.lexgate.gateway.role;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status a provider (or a contact point relaying it) reports for one object, written as the
 * text of a status notification (ETSI NotificationDetails; the provider may not UPDATE a requester's
 * task, so its two-sided Status travels in a notification): {@code "LPTask <id> Status Preserved
 * until 2027-01-27T10:00:00Z: note"}. The first part is machine-read by the requester's node, the
 * rest is for people.
 *
 * @param objectType ETSI object type without "Object": LDTask, LPTask, Authorisation
 * @param objectId the object's ObjectIdentifier as the receiver of the notification knows it
 * @param status the ETSI status dictionary value (LDTaskStatus, LPTaskStatus, AuthorisationStatus)
 * @param until for a preservation: until when the data is kept
 * @param note free text
 */
public record StatusReport(String objectType, String objectId, String status, Optional<Instant> until, Optional<String> note) {

    private static final Pattern FORMAT = Pattern.compile(
            "^(LDTask|LPTask|Authorisation) ([0-9a-f-]{36}) Status ([A-Za-z]+)(?: until (\\S+?))?(?:: (.*))?$", Pattern.DOTALL);

    public String text() {
        return objectType + " " + objectId + " Status " + status + until.map(u -> " until " + u).orElse("")
                + note.map(n -> ": " + n).orElse("");
    }

    /** Reads a notification text back; empty when it is not a status report. */
    public static Optional<StatusReport> parse(String details) {
        if (details == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(details.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Instant> until;
        try {
            until = Optional.ofNullable(m.group(4)).map(Instant::parse);
        } catch (RuntimeException e) {
            until = Optional.empty();
        }
        return Optional.of(new StatusReport(m.group(1), m.group(2), m.group(3), until, Optional.ofNullable(m.group(5))));
    }

    /** The same report about another object (a relay translating a domestic task to the foreign one). */
    public StatusReport about(String otherObjectId) {
        return new StatusReport(objectType, otherObjectId, status, until, note);
    }
}
