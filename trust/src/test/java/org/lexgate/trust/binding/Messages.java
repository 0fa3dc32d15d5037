package org.lexgate.trust.binding;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.lexgate.trust.directory.PartyId;

/**
 * HI-1 messages for the binding tests, written as text so each test reads as the message it sends.
 * Shaped like ETSI's examples (request4.xml, request8_LPTaskObject.xml) with lexgate's extension
 * for the legal basis and data categories.
 */
final class Messages {

    private static final String NAMESPACES = "xmlns=\"http://uri.etsi.org/03120/common/2019/10/Core\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xmlns:common=\"http://uri.etsi.org/03120/common/2016/02/Common\""
            + " xmlns:task=\"http://uri.etsi.org/03120/common/2020/09/Task\""
            + " xmlns:auth=\"http://uri.etsi.org/03120/common/2020/09/Authorisation\""
            + " xmlns:delivery=\"http://uri.etsi.org/03120/common/2019/10/Delivery\""
            + " xmlns:lexgate=\"http://lexgate.org/ns/hi1/2026/11\"";

    private Messages() {
    }

    /** An authorisation and an LDTask asking {@code receiver} for {@code requestType} (ETSI RequestType) data. */
    static byte[] disclosure(PartyId sender, PartyId receiver, String requestType, String legalBasis, boolean emergency) {
        String flags = emergency
                ? "<auth:AuthorisationFlags><auth:AuthorisationFlag>" + entry("ETSI", "AuthorisationFlag", "IsEmergency")
                        + "</auth:AuthorisationFlag></auth:AuthorisationFlags>"
                : "";
        return request(sender, receiver,
                action(0, "CREATE", "<HI1Object xsi:type=\"auth:AuthorisationObject\">" + objectHeader(sender)
                        + "<auth:AuthorisationReference>W000001</auth:AuthorisationReference>" + flags + "</HI1Object>")
                + action(1, "CREATE", "<HI1Object xsi:type=\"task:LDTaskObject\">" + objectHeader(sender)
                        + "<task:Reference>" + sender.countryCode() + "-" + sender.uniqueIdentifier() + "-1234</task:Reference>"
                        + "<task:RequestDetails><task:Type>" + entry("ETSI", "RequestType", requestType) + "</task:Type>"
                        + "</task:RequestDetails>"
                        + "<task:NationalLDTaskingParameters xsi:type=\"lexgate:DisclosureParameters\">"
                        + "<CountryCode>" + sender.countryCode() + "</CountryCode>"
                        + legalBasis(legalBasis)
                        + "</task:NationalLDTaskingParameters></HI1Object>"));
    }

    /** An LPTask (preservation). */
    static byte[] preservation(PartyId sender, PartyId receiver, String legalBasis) {
        return request(sender, receiver, action(0, "CREATE", "<HI1Object xsi:type=\"task:LPTaskObject\">"
                + objectHeader(sender)
                + "<task:DesiredStatus>" + entry("ETSI", "LPTaskDesiredStatus", "Preserved") + "</task:DesiredStatus>"
                + "<task:NationalLPTaskingParameters xsi:type=\"lexgate:PreservationParameters\">"
                + "<CountryCode>" + sender.countryCode() + "</CountryCode>" + legalBasis(legalBasis)
                + "<lexgate:DataCategories><lexgate:DataCategory>" + entry("lexgate", "DataCategory", "TrafficData")
                + "</lexgate:DataCategory></lexgate:DataCategories>"
                + "</task:NationalLPTaskingParameters></HI1Object>"));
    }

    /** A DELIVER of a DeliveryObject (a provider's answer). */
    static byte[] delivery(PartyId sender, PartyId receiver) {
        return request(sender, receiver, "<ActionRequest><ActionIdentifier>0</ActionIdentifier><DELIVER>"
                + "<Identifier>" + UUID.randomUUID() + "</Identifier>"
                + "<HI1Object xsi:type=\"delivery:DeliveryObject\">" + objectHeader(sender) + "</HI1Object>"
                + "</DELIVER></ActionRequest>");
    }

    /** A response (ActionResponses): asks for nothing. */
    static byte[] response(PartyId sender, PartyId receiver) {
        return message(sender, receiver, "<ResponsePayload><ActionResponses><ActionResponse>"
                + "<ActionIdentifier>0</ActionIdentifier><CREATEResponse><Identifier>" + UUID.randomUUID()
                + "</Identifier></CREATEResponse></ActionResponse></ActionResponses></ResponsePayload>");
    }

    private static byte[] request(PartyId sender, PartyId receiver, String actions) {
        return message(sender, receiver, "<RequestPayload><ActionRequests>" + actions + "</ActionRequests></RequestPayload>");
    }

    private static byte[] message(PartyId sender, PartyId receiver, String payload) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HI1Message " + NAMESPACES + ">"
                + "<Header>" + endpoint("SenderIdentifier", sender) + endpoint("ReceiverIdentifier", receiver)
                + "<TransactionIdentifier>" + UUID.randomUUID() + "</TransactionIdentifier>"
                + "<Timestamp>2026-11-28T12:00:00.000000Z</Timestamp>"
                + "<Version><ETSIVersion>V1.23.1</ETSIVersion><NationalProfileOwner>lexgate</NationalProfileOwner>"
                + "<NationalProfileVersion>v1.0</NationalProfileVersion></Version></Header>"
                + "<Payload>" + payload + "</Payload></HI1Message>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String action(int id, String verb, String object) {
        return "<ActionRequest><ActionIdentifier>" + id + "</ActionIdentifier><" + verb + ">" + object + "</" + verb
                + "></ActionRequest>";
    }

    private static String objectHeader(PartyId owner) {
        return "<ObjectIdentifier>" + UUID.randomUUID() + "</ObjectIdentifier><CountryCode>" + owner.countryCode()
                + "</CountryCode><OwnerIdentifier>" + owner.uniqueIdentifier() + "</OwnerIdentifier>";
    }

    private static String legalBasis(String basis) {
        return "<lexgate:LegalBasis><lexgate:Basis>" + entry("lexgate", "LegalBasis", basis) + "</lexgate:Basis>"
                + "<lexgate:Instrument>test</lexgate:Instrument><lexgate:Article>1</lexgate:Article></lexgate:LegalBasis>";
    }

    private static String endpoint(String name, PartyId id) {
        return "<" + name + "><CountryCode>" + id.countryCode() + "</CountryCode><UniqueIdentifier>"
                + id.uniqueIdentifier() + "</UniqueIdentifier></" + name + ">";
    }

    private static String entry(String owner, String name, String value) {
        return "<common:Owner>" + owner + "</common:Owner><common:Name>" + name + "</common:Name><common:Value>"
                + value + "</common:Value>";
    }
}
