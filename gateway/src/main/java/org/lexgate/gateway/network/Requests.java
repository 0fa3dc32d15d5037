package org.lexgate.gateway.network;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.build.CrossBorder;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.IssuingAuthority;
import org.lexgate.message.build.LegalBasis;
import org.lexgate.message.build.MlaFollowUp;
import org.lexgate.message.build.Party;
import org.lexgate.message.build.Priority;
import org.lexgate.message.build.RequestedData;

/**
 * The requests of the example network (demo and end-to-end tests), each addressed to the provider
 * that holds the data; the requesting node's routing table picks the way (§36). Fictional parties
 * and data, NOT FOR PRODUCTION.
 */
public final class Requests {

    public static final Party XA_AGENCY = Party.of("XA", "XA-AGENCY");
    public static final Party XA_CP = Party.of("XA", "XA-CP");
    public static final Party XB_CP = Party.of("XB", "XB-CP");
    public static final Party XB_PROVIDER = Party.of("XB", "XB-PROVIDER");

    private Requests() {
    }

    static IssuingAuthority xaPolice(String order) {
        return IssuingAuthority.in("XA")
                .authority("XA National Police, Cybercrime Unit", "Police")
                .verification("990012345000", "https://police.xa.example", "cybercrime-requests@police.xa.example")
                .agent("Det. Insp. R. Example", "Investigating officer", "990012345123", "cyber-desk-3@police.xa.example")
                .approver("K. Prosecutor", "Public prosecutor, cybercrime section")
                .order(order, "PROS-XA-" + order.length());
    }

    static IssuingAuthority xbPolice() {
        return IssuingAuthority.in("XB")
                .authority("XB 24/7 Contact Point, National Police", "Police")
                .verification("990022345000", "https://police.xb.example", "247@police.xb.example")
                .agent("Insp. B. Example", "Duty officer", "990022345123", "247-desk@police.xb.example")
                .approver("M. Judge", "Investigating judge")
                .order("Production order", "PROS-XB-2026-0007");
    }

    /** A domestic disclosure in XB: the XB 24/7 unit orders subscriber data from XB-PROVIDER under national law. */
    public static HI1Message domesticDisclosure(String reference, String identifier) {
        return Hi1Messages.disclosureRequest()
                .from(XB_CP).to(XB_PROVIDER).reference(reference)
                .legalBasis(LegalBasis.of("DomesticOrder", "XB Code of Criminal Procedure", "81"))
                .data(RequestedData.subscriberData().identifier("EmailAddress", identifier).category("SubscriberData"))
                .issuedBy(xbPolice()).priority(Priority.ROUTINE)
                .offence("Computer-related fraud").summaryOfFacts("Phishing mails sent from this account.")
                .build();
    }

    /** Cross-border disclosure through the 24/7 contact points (Budapest Convention Art. 35 assistance). */
    public static HI1Message crossBorderDisclosure(String reference, String identifier, Priority priority) {
        return Hi1Messages.disclosureRequest()
                .from(XA_AGENCY).to(XB_PROVIDER).reference(reference)
                .legalBasis(LegalBasis.of("BudapestArt35Assistance", "Convention on Cybercrime (ETS No. 185)", "35"))
                .data(RequestedData.of("UserIdentifyingData").identifier("IPv4Address", identifier)
                        .observedAt(Instant.parse("2026-11-20T21:14:07Z")).category("UserIdentifyingData"))
                .issuedBy(xaPolice("Production order")).priority(priority)
                .offence("Illegal access to a computer system").typeOfCase("Cybercrime")
                .summaryOfFacts("The address logged in to the victim's administrator account without authorisation.")
                .linkToOffence("The address belongs to XB-PROVIDER's range.")
                .crossBorder(CrossBorder.viaContactPoints(XA_CP, XB_CP))
                .build();
    }

    /** Expedited preservation through the contact points (Budapest Convention Art. 29). */
    public static HI1Message preservation(String reference, UUID lpTask, String identifier) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Hi1Messages.preservationRequest()
                .from(XA_AGENCY).to(XB_PROVIDER).reference(reference).taskId(lpTask)
                .legalBasis(LegalBasis.budapestArt29Preservation())
                .data(RequestedData.trafficData().identifier("EmailAddress", identifier)
                        .period(now.minus(Duration.ofDays(30)), now).category("TrafficData"))
                .issuedBy(xaPolice("Preservation order")).priority(Priority.HIGH)
                .offence("Computer-related fraud").summaryOfFacts("Phishing mails were sent from this account.")
                .dataToPreserve("Connection logs and log-in records of the account.")
                .linkToOffence("The account sent the phishing mails.")
                .necessity("XB-PROVIDER keeps connection logs for 30 days only.")
                .mutualLegalAssistance(MlaFollowUp.intended().centralAuthority("XA Ministry of Justice"))
                .preserveUntil(now.plus(Duration.ofDays(90)))
                .crossBorder(CrossBorder.viaContactPoints(XA_CP, XB_CP))
                .build();
    }

    /** The disclosure that follows a preservation (Budapest Convention Art. 30), naming the preserved LPTask. */
    public static HI1Message disclosureAfterPreservation(String reference, UUID lpTask, String identifier) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Hi1Messages.disclosureRequest()
                .from(XA_AGENCY).to(XB_PROVIDER).reference(reference)
                .legalBasis(LegalBasis.budapestArt30PartialDisclosure())
                .data(RequestedData.trafficData().identifier("EmailAddress", identifier)
                        .period(now.minus(Duration.ofDays(30)), now).category("TrafficData"))
                .issuedBy(xaPolice("Disclosure order")).priority(Priority.ROUTINE)
                .offence("Computer-related fraud").summaryOfFacts("Phishing mails were sent from this account.")
                .followsPreservation(lpTask)
                .crossBorder(CrossBorder.viaContactPoints(XA_CP, XB_CP)
                        .mutualLegalAssistance(MlaFollowUp.intended().reference("MOJ-XA-MLA-2026-311")))
                .build();
    }

    /** An emergency request (§30, §34; Second Additional Protocol Art. 9) through the contact points. */
    public static HI1Message emergency(String reference, String identifier) {
        return Hi1Messages.emergencyRequest("A user announced an attack on a school for today; we must identify him now.")
                .from(XA_AGENCY).to(XB_PROVIDER).reference(reference)
                .legalBasis(LegalBasis.secondProtocolArt9EmergencyDisclosure())
                .data(RequestedData.of("SubscriberDataAndUserIdentifyingData").identifier("IPv4Address", identifier)
                        .observedAt(Instant.parse("2026-11-28T08:52:31Z")))
                .issuedBy(xaPolice("Emergency production order"))
                .offence("Threat to commit a terrorist offence").typeOfCase("TerrorismOrThreatToPublicSafety")
                .crossBorder(CrossBorder.viaContactPoints(XA_CP, XB_CP))
                .build();
    }

    /** Subscriber information straight to the provider abroad (Second Additional Protocol Art. 7). */
    public static HI1Message directSubscriberInformation(String reference, String identifier) {
        return Hi1Messages.disclosureRequest()
                .from(XA_AGENCY).to(XB_PROVIDER).reference(reference)
                .legalBasis(LegalBasis.secondProtocolArt7SubscriberInformation())
                .data(RequestedData.subscriberData().identifier("EmailAddress", identifier).category("SubscriberData"))
                .issuedBy(xaPolice("Order for subscriber information")).priority(Priority.ROUTINE)
                .offence("Computer-related fraud").summaryOfFacts("Phishing mails sent from this account.")
                .crossBorder(CrossBorder.direct("XA", "XB"))
                .build();
    }

    /** Releases a preservation (§35, §37). */
    public static HI1Message release(UUID lpTask) {
        return Hi1Messages.preservationRelease().from(XA_AGENCY).to(XB_PROVIDER).releasePreservation(lpTask)
                .reason("The data is no longer required.").build();
    }
}
