package org.lexgate.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Unmarshaller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.delivery.DeliveryObject;
import org.lexgate.xsd.Hi1Schemas;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A delivery's payload of megabytes goes through parse, schema check and binding unchanged, and the
 * binding that passes each text as the DOM's own string ({@link DomToJaxb}) gives what JAXB's own
 * DOM unmarshalling gives.
 */
class LargeTextBindingTest {

    private static final Hi1Codec CODEC = Hi1Codec.createDefault();
    private static final Hi1Binding BINDING = new Hi1Binding(Hi1Schemas.context(), Hi1Schemas.PREFIXES);

    @Test
    void multiMegabyteDeliveryComesThroughParseCheckAndBindUnchanged() throws Exception {
        byte[] data = new byte[6 * 1024 * 1024 + 1];
        new SplittableRandom(5).nextBytes(data);
        String base64 = Base64.getEncoder().encodeToString(data);

        ParsedMessage parsed = CODEC.parse(delivery(base64));

        assertThat(dataText(parsed.document())).isEqualTo(base64);
        assertThat(deliveredBytes(parsed.message())).isEqualTo(data);
    }

    @Test
    void aPayloadHeldAsSeveralTextNodesIsBoundAsJaxbsOwnDomUnmarshallingBindsIt() throws Exception {
        byte[] data = new byte[2 * 1024 * 1024 + 2]; // base64 of 2^21 + 4 characters: three text nodes, one pad
        new SplittableRandom(6).nextBytes(data);
        Document checked = CODEC.readChecked(delivery(Base64.getEncoder().encodeToString(data)));
        org.w3c.dom.Node payload = checked.getElementsByTagNameNS(Hi1Namespaces.DELIVERY, "Data").item(0);
        assertThat(payload.getChildNodes().getLength()).isEqualTo(3);

        HI1Message bound = BINDING.unmarshal(checked);

        assertThat(deliveredBytes(bound)).isEqualTo(data);
        assertThat(marshalled(bound)).isEqualTo(marshalled(jaxbOwnBinding(checked)));
    }

    @Test
    void aMultiMegabytePayloadWithLineBreaksAsMimeWritesItIsBoundWhole() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 1];
        new SplittableRandom(8).nextBytes(data);

        assertThat(deliveredBytes(CODEC.parse(delivery(Base64.getMimeEncoder().encodeToString(data))).message()))
                .isEqualTo(data);
    }

    @Test
    void theDecoderOfPartsGivesWhatTheRuntimesDecoderGivesForTheJoinedValue() {
        SplittableRandom random = new SplittableRandom(9);
        for (int length = 0; length < 200; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            String encoded = length % 3 == 0 ? Base64.getMimeEncoder(8, "\r\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(data).replace("\r", " \t") : Base64.getEncoder().encodeToString(data);
            List<String> parts = new ArrayList<>();
            for (int at = 0; at < encoded.length(); ) {
                int n = Math.min(encoded.length() - at, 1 + random.nextInt(7));
                parts.add(encoded.substring(at, at + n));
                at += n;
            }
            assertThat(Base64Lexical.decode(parts)).as("length %d", length)
                    .isEqualTo(jakarta.xml.bind.DatatypeConverter.parseBase64Binary(encoded)).isEqualTo(data);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Base64Lexical.decode(List.of("QQ=", "=A")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base64WithLineBreaksAsMimeWritesItIsBoundWhole() throws Exception {
        byte[] data = new byte[300_000];
        new SplittableRandom(7).nextBytes(data);
        String mime = Base64.getMimeEncoder().encodeToString(data);

        assertThat(deliveredBytes(CODEC.parse(delivery(mime)).message())).isEqualTo(data);
    }

    @Test
    void textSplitByCommentAndCdataIsBoundAsOneValue() throws Exception {
        String split = "VGhpcyBpc24n<!-- between -->dCBhY3R1YW<![CDATA[xseSBhbiBp]]>bWFnZS4=";

        HI1Message message = CODEC.parse(delivery(split)).message();

        assertThat(new String(deliveredBytes(message), StandardCharsets.US_ASCII)).isEqualTo("This isn't actually an image.");
        assertThat(marshalled(message)).isEqualTo(marshalled(jaxbOwnBinding(CODEC.readChecked(delivery(split)))));
    }

    @Test
    void invalidBase64IsStillRefusedAsASchemaFailure() {
        MessageRejectedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> CODEC.parse(delivery("not base64!")), MessageRejectedException.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.SCHEMA_VALIDATION_FAILED);
    }

    static List<Path> supportedExamples() {
        return EtsiConformanceTest.supported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedExamples")
    void bindingEqualsJaxbsOwnDomUnmarshallingForEveryEtsiExample(Path example) throws Exception {
        Document checked = CODEC.readChecked(Files.readAllBytes(example));

        assertThat(marshalled(BINDING.unmarshal(checked))).isEqualTo(marshalled(jaxbOwnBinding(checked)));
    }

    @Test
    void schemaCheckReceivesALongTextInBoundedPiecesThatMakeItUp() throws Exception {
        for (int length : new int[] {1, 65_535, 65_536, 65_537, 1_000_003, 10 * 1024 * 1024 + 7}) {
            String text = "x".repeat(length - 1) + "\u20ac";
            Document document = org.lexgate.message.xml.HardenedXml.newDocument();
            document.appendChild(document.createElement("r")).appendChild(document.createTextNode(text));
            List<Integer> pieces = new ArrayList<>();
            StringBuilder received = new StringBuilder();
            DomEvents.replay(document, new DefaultHandler() {
                @Override
                public void characters(char[] ch, int start, int n) throws SAXException {
                    pieces.add(n);
                    received.append(ch, start, n);
                }
            });
            assertThat(received.toString()).as("length %d", length).isEqualTo(text);
            int first = pieces.get(0);
            assertThat(first).isBetween(1, 64 * 1024);
            assertThat(pieces.subList(0, pieces.size() - 1)).allSatisfy(n -> assertThat(n).isEqualTo(first));
            long doublings = Long.highestOneBit(pieces.size() * 2L - 1); // pieces rounded up to a power of two
            assertThat(first * doublings).as("a buffer doubling from the first piece ends at the text's length")
                    .isLessThan(length + doublings);
        }
    }

    private static HI1Message jaxbOwnBinding(Document checked) throws Exception {
        Unmarshaller unmarshaller = Hi1Schemas.context().createUnmarshaller();
        unmarshaller.setEventHandler(event -> false);
        JAXBElement<HI1Message> element = unmarshaller.unmarshal(checked, HI1Message.class);
        return element.getValue();
    }

    private static byte[] marshalled(HI1Message message) throws MessageRejectedException {
        return BINDING.marshal(message);
    }

    private static byte[] deliveredBytes(HI1Message message) {
        DeliveryObject delivery = (DeliveryObject) message.getPayload().getRequestPayload().getActionRequests()
                .getActionRequest().get(0).getDELIVER().getHI1Object();
        return delivery.getDelivery().getBinaryData().getData();
    }

    private static String dataText(Document document) {
        return document.getElementsByTagNameNS(Hi1Namespaces.DELIVERY, "Data").item(0).getTextContent();
    }

    /** The ETSI binary delivery example (TS 103 120 request5) with the given content of delivery:Data. */
    static byte[] delivery(String data) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<HI1Message xmlns=\"http://uri.etsi.org/03120/common/2019/10/Core\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:delivery=\"http://uri.etsi.org/03120/common/2019/10/Delivery\""
                + " xmlns:common=\"http://uri.etsi.org/03120/common/2016/02/Common\">"
                + "<Header><SenderIdentifier><CountryCode>XX</CountryCode><UniqueIdentifier>ACTOR2</UniqueIdentifier>"
                + "</SenderIdentifier><ReceiverIdentifier><CountryCode>XX</CountryCode><UniqueIdentifier>ACTOR1"
                + "</UniqueIdentifier></ReceiverIdentifier>"
                + "<TransactionIdentifier>8854cfad-44ac-43b8-99ae-530b690b43da</TransactionIdentifier>"
                + "<Timestamp>2019-09-30T13:37:37.000000Z</Timestamp><Version><ETSIVersion>V1.13.1</ETSIVersion>"
                + "<NationalProfileOwner>XX</NationalProfileOwner><NationalProfileVersion>v1.0</NationalProfileVersion>"
                + "</Version></Header><Payload><RequestPayload><ActionRequests><ActionRequest>"
                + "<ActionIdentifier>0</ActionIdentifier><DELIVER>"
                + "<Identifier>71ff52ca-bcea-4fa3-b34e-1b89dcfb0d9e</Identifier>"
                + "<HI1Object xsi:type=\"delivery:DeliveryObject\">"
                + "<ObjectIdentifier>71ff52ca-bcea-4fa3-b34e-1b89dcfb0d9e</ObjectIdentifier>"
                + "<AssociatedObjects><AssociatedObject>2b36a78b-b628-416d-bd22-404e68a0cd36</AssociatedObject>"
                + "</AssociatedObjects><delivery:Reference><delivery:LDID>XX-ACTOR01-1234</delivery:LDID>"
                + "</delivery:Reference><delivery:DeliveryID>d1079830-8e9a-4731-8fb7-36b9b961eb72</delivery:DeliveryID>"
                + "<delivery:SequenceNumber>1</delivery:SequenceNumber><delivery:LastSequence>true</delivery:LastSequence>"
                + "<delivery:Manifest><delivery:Specification><common:Owner>ETSI</common:Owner>"
                + "<common:Name>ManifestSpecification</common:Name><common:Value>TS102657-XML</common:Value>"
                + "</delivery:Specification></delivery:Manifest><delivery:Delivery><delivery:BinaryData>"
                + "<delivery:Data>" + data + "</delivery:Data>"
                + "<delivery:ContentType>image/jpeg</delivery:ContentType><delivery:Checksum>"
                + "98ecb6a08c34a97f6edc0e97ddcd32cb139e2253825186a817ddb24997ccd68f</delivery:Checksum>"
                + "</delivery:BinaryData></delivery:Delivery></HI1Object></DELIVER></ActionRequest></ActionRequests>"
                + "</RequestPayload></Payload></HI1Message>\n").getBytes(StandardCharsets.UTF_8);
    }
}
