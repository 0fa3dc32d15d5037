package org.lexgate.adapters.filedrop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lexgate.adapters.LegalBasis;
import org.lexgate.adapters.ProviderRequest;
import org.lexgate.adapters.TargetIdentifier;

/**
 * The human-readable summary written beside a signed request: {@code <base>.request.properties}, UTF-8,
 * one {@code key=value} a line in a fixed order. Lists are numbered from 1 ({@code identifier.1.value}).
 * Absent optional values are left out. Times are ISO-8601 instants in UTC. The keys are listed in
 * {@code adapters/README.md}; {@code format} names this layout's version.
 */
final class RequestSummary {

    /** The value of the {@code format} key for this layout. */
    static final String FORMAT = "lexgate-request/1";

    private RequestSummary() {
    }

    static byte[] render(ProviderRequest r, String requestFile, String answerFile) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("task", r.task().value());
        m.put("kind", r.kind().name());
        m.put("case", r.caseReference().value());
        m.put("requesterReference", r.requesterReference());
        m.put("requester.id", r.requester().id());
        m.put("requester.name", r.requester().name());
        m.put("emergency", Boolean.toString(r.emergency()));
        m.put("priority", r.priority().name());
        m.put("urgent", Boolean.toString(r.urgent()));
        indexedBases(m, r.legalBases());
        for (int i = 0; i < r.dataCategories().size(); i++) {
            m.put("dataCategory." + (i + 1), r.dataCategories().get(i));
        }
        indexedIdentifiers(m, r.identifiers());
        r.timeWindow().from().ifPresent(t -> m.put("from", time(t)));
        r.timeWindow().to().ifPresent(t -> m.put("to", time(t)));
        r.deadline().ifPresent(t -> m.put("deadline", time(t)));
        r.preserveUntil().ifPresent(t -> m.put("preserveUntil", time(t)));
        r.description().ifPresent(d -> m.put("description", d));
        m.put("receivedAt", time(r.receivedAt()));
        byte[] signed = r.signedRequest();
        m.put("signedRequestFile", requestFile);
        m.put("signedRequestSha256", sha256(signed));
        m.put("signedRequestBytes", Integer.toString(signed.length));
        m.put("answerFile", answerFile);
        String comment = "lexgate: a request for the provider's systems (" + r.kind().slug() + ")\n"
                + "The signed request is " + requestFile + "; answer in " + answerFile + " (see adapters/README.md).";
        return PropertiesText.render(comment, m).getBytes(StandardCharsets.UTF_8);
    }

    private static void indexedBases(Map<String, String> m, List<LegalBasis> bases) {
        for (int i = 0; i < bases.size(); i++) {
            LegalBasis b = bases.get(i);
            String p = "legalBasis." + (i + 1) + ".";
            m.put(p + "basis", b.basis());
            m.put(p + "instrument", b.instrument());
            m.put(p + "article", b.article());
            b.nationalProvision().ifPresent(n -> m.put(p + "nationalProvision", n));
        }
    }

    private static void indexedIdentifiers(Map<String, String> m, List<TargetIdentifier> ids) {
        for (int i = 0; i < ids.size(); i++) {
            TargetIdentifier t = ids.get(i);
            String p = "identifier." + (i + 1) + ".";
            m.put(p + "owner", t.formatOwner());
            m.put(p + "type", t.formatType());
            m.put(p + "value", t.value());
        }
    }

    private static String time(Instant t) {
        return t.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
