package org.lexgate.adapters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Requests for tests. */
public final class SampleRequests {

    private SampleRequests() {
    }

    public static ObjectIdentifier newId() {
        return ObjectIdentifier.of(UUID.randomUUID().toString());
    }

    public static byte[] signedXml(ObjectIdentifier task) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HI1Message xmlns=\"http://uri.etsi.org/03120/common/2019/10/Core\">"
                + "<!-- task " + task + " --><Signature/></HI1Message>\n").getBytes(StandardCharsets.UTF_8);
    }

    public static ProviderRequest.Builder disclosure(ObjectIdentifier task) {
        return ProviderRequest.builder()
                .task(task)
                .caseReference(newId())
                .requesterReference("XA-2025-000417")
                .requester(new RequestingParty("XA-POLICE-CYBER", "Country A National Police, Cybercrime Unit"))
                .kind(RequestKind.DISCLOSURE)
                .emergency(true)
                .priority(Priority.HIGH)
                .legalBasis(new LegalBasis("SecondProtocolArt7SubscriberInformation",
                        "Second Additional Protocol to the Convention on Cybercrime", "7"))
                .dataCategory("SubscriberData")
                .identifier(new TargetIdentifier("ETSI", "EmailAddress", "alice@example.org"))
                .timeWindow(TimeWindow.of(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-31T23:59:59Z")))
                .deadline(Instant.parse("2025-02-10T12:00:00Z"))
                .description("Line one\nline two: ünïcode, a tab\tand a backslash \\")
                .signedRequest(signedXml(task))
                .receivedAt(Instant.parse("2025-02-03T08:15:30Z"));
    }
}
