package org.lexgate.trust.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.lexgate.trust.pki.BadSigner;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;

/**
 * Writes the party directory of the example network for a freshly generated {@link TestPki}
 * (used by {@code lexgate pki init DIR} and by tests). NOT FOR PRODUCTION.
 *
 * <p>The network: agency XA-AGENCY (police: subscriber, user-identifying and traffic data,
 * preservation, emergencies; no content data); contact points XA-CP and XB-CP (also content data,
 * under judicial MLA instruments, and relaying answers); providers XA-PROVIDER and XB-PROVIDER
 * (deliver and notify only). Every party is recognised by the development root CA plus
 * its certificate subject (CN and O), so the test PKI's bad signers, which claim XA-AGENCY's
 * subject, reach the check that refuses their defect. The unknown CA is deliberately absent.
 * Certificate and CRL paths are written relative to the directory file.
 */
public final class TestDirectoryWriter {

    /** The anchor id of the development root CA in the written directory. */
    public static final String ANCHOR_ID = "lexgate-dev-ca";

    private TestDirectoryWriter() {
    }

    /** Writes the directory for {@code pki} to {@code file} (parent folders created). */
    public static void write(TestPki pki, Path file) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        Files.createDirectories(base);
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- Party directory of the lexgate example network. NOT FOR PRODUCTION: generated for the\n")
                .append("     test PKI in ").append(comment(relative(base, pki.directory()))).append(" at ")
                .append(pki.generatedAt()).append(".\n")
                .append("     The bad signers of the test PKI (").append(badList())
                .append(") all claim to be XA-AGENCY;\n")
                .append("     they are deliberately not listed: the sender binding must refuse each for its defect. -->\n")
                .append("<directory xmlns=\"").append(PartyDirectory.NAMESPACE).append("\" version=\"1\">\n")
                .append("  <description>lexgate example network: agency and contact point in XA, contact point in XB,")
                .append(" providers in XA and XB. NOT FOR PRODUCTION.</description>\n")
                .append("  <trustAnchors>\n")
                .append("    <trustAnchor id=\"").append(ANCHOR_ID).append("\">\n")
                .append("      <certificate file=\"").append(attr(relative(base, pki.rootCertificatePem()))).append("\"/>\n")
                .append("      <crl file=\"").append(attr(relative(base, pki.crlPem()))).append("\"/>\n")
                .append("    </trustAnchor>\n")
                .append("  </trustAnchors>\n")
                .append("  <parties>\n");
        int port = 8441;
        for (TestParty party : TestParty.values()) {
            party(xml, party, pki.signer(party).certificate(), port++);
        }
        xml.append("  </parties>\n")
                .append("  <routes>\n")
                .append("    <!-- at the agency: everything for XB goes through the national contact point... -->\n")
                .append("    <route from=\"XA-AGENCY\" country=\"XB\" nextHop=\"XA-CP\"/>\n")
                .append("    <!-- ...except subscriber information under the Second Protocol Art. 7, which goes straight to the provider -->\n")
                .append("    <route from=\"XA-AGENCY\" country=\"XB\" legalBasis=\"SecondProtocolArt7SubscriberInformation\" nextHop=\"XB-PROVIDER\"/>\n")
                .append("    <route from=\"XA-CP\" country=\"XB\" nextHop=\"XB-CP\"/>\n")
                .append("    <route from=\"XB-CP\" country=\"XB\" nextHop=\"XB-PROVIDER\" mode=\"give-effect\"/>\n")
                .append("    <route from=\"XB-CP\" country=\"XB\" legalBasis=\"BudapestArt29Preservation\" nextHop=\"XB-PROVIDER\" mode=\"forward\"/>\n")
                .append("    <route country=\"XA\" nextHop=\"XA-PROVIDER\"/>\n")
                .append("  </routes>\n")
                .append("</directory>\n");
        Files.writeString(file, xml.toString(), StandardCharsets.UTF_8);
    }

    private static void party(StringBuilder xml, TestParty party, X509Certificate certificate, int port) {
        String host = "https://localhost:" + port;
        X500Principal subject = certificate.getSubjectX500Principal();
        xml.append("    <party country=\"").append(party.countryCode()).append("\" uniqueIdentifier=\"")
                .append(party.id()).append("\">\n")
                .append("      <name>").append(text(party.organisation())).append(" (NOT FOR PRODUCTION)</name>\n")
                .append("      <roles>").append(party.role()).append("</roles>\n")
                .append("      <endpoints>\n")
                .append("        <soap>").append(host).append("/lexgate/soap</soap>\n")
                .append("        <etsiHttp>").append(host).append("/lexgate/hi1</etsiHttp>\n")
                .append("        <queue>lexgate.").append(party.alias()).append(".in</queue>\n")
                .append("      </endpoints>\n")
                .append("      <signing>\n")
                .append("        <anchored anchor=\"").append(ANCHOR_ID).append("\">\n")
                .append("          <subject>\n")
                .append("            <commonName>").append(text(rdn(subject, "CN"))).append("</commonName>\n")
                .append("            <organization>").append(text(rdn(subject, "O"))).append("</organization>\n")
                .append("            <country>").append(party.countryCode()).append("</country>\n")
                .append("          </subject>\n")
                .append("        </anchored>\n")
                .append("      </signing>\n")
                .append("      <authority>\n");
        for (String grant : grants(party.role())) {
            xml.append(grant);
        }
        xml.append("      </authority>\n")
                .append("      <contact>\n")
                .append("        <person><name>Duty officer ").append(party.id()).append("</name><position>")
                .append(party.role().equals("provider") ? "Law enforcement response team" : "Request desk")
                .append("</position><email>duty@").append(domain(party)).append("</email><phone>+999 555 0100</phone></person>\n")
                .append("        <switchboard>+999 555 0000</switchboard>\n")
                .append("        <website>https://www.").append(domain(party)).append("/</website>\n")
                .append("        <email>requests@").append(domain(party)).append("</email>\n")
                .append("        <hours>Mon-Fri 08:00-18:00 local time</hours>\n")
                .append("        <emergency><phone>+999 555 0199</phone><email>emergency@").append(domain(party))
                .append("</email><hours>24/7</hours></emergency>\n")
                .append("        <languages>en</languages>\n")
                .append("      </contact>\n")
                .append("    </party>\n");
    }

    private static List<String> grants(String role) {
        String requestObjects = "AuthorisationObject LDTaskObject LPTaskObject DocumentObject NotificationObject";
        return switch (role) {
            case "agency" -> List.of(grant("Police: subscriber, user-identifying and traffic data; preservation; emergencies",
                    "CREATE UPDATE GET LIST GETCSPCONFIG", requestObjects,
                    "SubscriberData UserIdentifyingData TrafficData AccessLogs DataExistence",
                    "DomesticOrder BudapestArt16DomesticPreservation BudapestArt18ProductionOrder BudapestArt29Preservation"
                            + " BudapestArt30PartialDisclosure BudapestArt35Assistance SecondProtocolArt7SubscriberInformation"
                            + " SecondProtocolArt9EmergencyDisclosure", true));
            case "contact-point" -> List.of(
                    grant("24/7 contact point: preservation, assistance and non-content disclosure",
                            "CREATE UPDATE GET LIST GETCSPCONFIG", requestObjects,
                            "SubscriberData UserIdentifyingData TrafficData AccessLogs DataExistence",
                            "DomesticOrder BudapestArt29Preservation BudapestArt30PartialDisclosure"
                                    + " BudapestArt35Assistance SecondProtocolArt9EmergencyDisclosure", true),
                    grant("Content data only when giving effect to a judicial order or mutual legal assistance",
                            "CREATE UPDATE GET LIST", requestObjects,
                            "SubscriberData UserIdentifyingData TrafficData ContentData",
                            "BudapestArt31MLA SecondProtocolArt8GiveEffect MLARequest", false),
                    grant("Relays providers' answers", "DELIVER CREATE UPDATE", "DeliveryObject NotificationObject", "", "", false));
            default -> List.of(grant("Provider: delivers answers and notifications", "DELIVER CREATE UPDATE",
                    "DeliveryObject NotificationObject", "", "", false));
        };
    }

    private static String grant(String description, String actions, String objectTypes, String categories,
            String legalBases, boolean emergency) {
        StringBuilder g = new StringBuilder("        <grant>\n")
                .append("          <description>").append(text(description)).append("</description>\n")
                .append("          <actions>").append(actions).append("</actions>\n")
                .append("          <objectTypes>").append(objectTypes).append("</objectTypes>\n");
        if (!categories.isEmpty()) {
            g.append("          <dataCategories>").append(categories).append("</dataCategories>\n");
        }
        if (!legalBases.isEmpty()) {
            g.append("          <legalBases>").append(legalBases).append("</legalBases>\n");
        }
        return g.append("          <emergency>").append(emergency).append("</emergency>\n")
                .append("        </grant>\n").toString();
    }

    private static String rdn(X500Principal subject, String type) {
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            throw new IllegalStateException("unreadable subject " + subject, e);
        }
        throw new IllegalStateException("subject " + subject + " has no " + type);
    }

    private static String domain(TestParty party) {
        return party.alias() + ".example";
    }

    private static String badList() {
        StringBuilder list = new StringBuilder();
        for (BadSigner bad : BadSigner.values()) {
            list.append(list.length() == 0 ? "" : ", ").append(bad.alias());
        }
        return list.toString();
    }

    private static String relative(Path base, Path target) {
        return base.relativize(target.toAbsolutePath()).toString().replace('\\', '/');
    }

    private static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String value) {
        return text(value).replace("\"", "&quot;");
    }

    private static String comment(String value) {
        return value.replace("--", "- -");
    }
}
