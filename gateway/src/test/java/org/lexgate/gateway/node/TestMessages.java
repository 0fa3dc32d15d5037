package org.lexgate.gateway.node;

import java.time.Instant;
import java.util.UUID;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.IssuingAuthority;
import org.lexgate.message.build.LegalBasis;
import org.lexgate.message.build.Party;
import org.lexgate.message.build.Priority;
import org.lexgate.message.build.RequestedData;
import org.lexgate.trust.pki.TestParty;

/** Requests for node tests, built with the message builders. */
public final class TestMessages {

    private TestMessages() {
    }

    /** A subscriber-data request under Second Protocol Art. 7 (which goes straight to the provider). */
    public static HI1Message subscriberRequest(TestParty from, TestParty to, boolean emergency) {
        var builder = (emergency ? Hi1Messages.emergencyRequest("A life is at risk: the account announced an attack.")
                : Hi1Messages.disclosureRequest())
                .from(party(from)).to(party(to)).at(Instant.now())
                .transactionId(UUID.randomUUID())
                .reference(from.id() + "-2026-" + (1000 + (int) (Math.random() * 8999)))
                .legalBasis(LegalBasis.secondProtocolArt7SubscriberInformation())
                .data(RequestedData.subscriberData()
                        .identifier("EmailAddress", "suspect@mail.example")
                        .category("SubscriberData"))
                .issuedBy(IssuingAuthority.in(from.countryCode())
                        .authority("XA National Police, Cybercrime Unit", "Police")
                        .verification("990012345000", "https://police.xa.example", "cyber@police.xa.example")
                        .agent("Det. Insp. R. Example", "Investigating officer", "990012345123", "desk@police.xa.example")
                        .approver("K. Prosecutor", "Public prosecutor")
                        .order("Production order", "PROS-XA-2026-7781"))
                .offence("Computer-related fraud", "XA Criminal Code, s. 263a")
                .typeOfCase("OtherFinancialCrimeOrFraud")
                .summaryOfFacts("Phishing mails were sent from this account.")
                .linkToOffence("The account sent the phishing mails.");
        if (!emergency) {
            builder.priority(Priority.ROUTINE);
        }
        return builder.build();
    }

    public static Party party(TestParty party) {
        return Party.of(party.countryCode(), party.id());
    }
}
