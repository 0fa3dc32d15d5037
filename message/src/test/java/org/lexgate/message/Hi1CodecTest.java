package org.lexgate.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexgate.message.Hi1CodecHostileInputTest.VALID;
import static org.lexgate.message.Hi1CodecHostileInputTest.bytes;
import static org.lexgate.message.Hi1CodecHostileInputTest.refusal;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lexgate.hi1.core.HI1Message;
import org.w3c.dom.Document;
import org.xmlunit.assertj3.XmlAssert;

/** The codec's API: the steps one by one, writing, sharing between threads. */
class Hi1CodecTest {

    private static final Hi1Codec CODEC = Hi1Codec.createDefault();

    @Test
    void stepsOneByOneGiveWhatParseGives() throws Exception {
        Document checked = CODEC.readChecked(bytes(VALID));
        HI1Message bound = CODEC.bind(checked);
        HI1Message parsed = CODEC.parse(bytes(VALID)).message();
        XmlAssert.assertThat(CODEC.write(bound)).and(CODEC.write(parsed)).areIdentical();
    }

    @Test
    void checksDoNotTouchTheTreeASignatureIsVerifiedOn() throws Exception {
        Document checked = CODEC.readChecked(bytes(VALID));
        Document untouched = org.lexgate.message.xml.HardenedXml.parse(bytes(VALID));
        CODEC.bind(checked);
        XmlAssert.assertThat(checked).and(untouched).areIdentical();
    }

    @Test
    void writeRefusesAMessageLexgateWouldItselfRefuse() throws Exception {
        HI1Message message = CODEC.parse(bytes(VALID)).message();
        message.getHeader().setTransactionIdentifier("C02358B2-76CF-4BA4-A8EB-F6436CCAEA2E");
        assertThat(refusal(() -> CODEC.write(message)).code()).isEqualTo(ErrorCode.UUID_NOT_LOWER_CASE);
    }

    @Test
    void writeDocumentRefusesWhatWriteRefusesWithTheSameCode() throws Exception {
        HI1Message message = CODEC.parse(bytes(VALID)).message();
        message.getHeader().setTransactionIdentifier("C02358B2-76CF-4BA4-A8EB-F6436CCAEA2E");
        assertThat(refusal(() -> CODEC.writeDocument(message)).code()).isEqualTo(ErrorCode.UUID_NOT_LOWER_CASE);

        HI1Message version = CODEC.parse(bytes(VALID)).message();
        version.getHeader().getVersion().setETSIVersion("1.13");
        assertThat(refusal(() -> CODEC.writeDocument(version)).code()).isEqualTo(ErrorCode.BAD_VERSION_FORMAT);
        assertThat(refusal(() -> CODEC.write(version)).code()).isEqualTo(ErrorCode.BAD_VERSION_FORMAT);
    }

    @Test
    void writeDocumentHoldsTheMessageToTheParserLimitsAndCharacters() throws Exception {
        HI1Message message = CODEC.parse(bytes(VALID)).message();
        Hi1Codec tight = Hi1Codec.builder().limits(org.lexgate.message.xml.XmlLimits.defaults().withMaxElements(5)).build();
        assertThat(refusal(() -> tight.writeDocument(message)).code()).isEqualTo(ErrorCode.ELEMENT_LIMIT_EXCEEDED);
        assertThat(refusal(() -> tight.write(message)).code()).isEqualTo(ErrorCode.ELEMENT_LIMIT_EXCEEDED);

        message.getHeader().getVersion().setNationalProfileVersion("v\u0001");
        assertThat(refusal(() -> CODEC.writeDocument(message)).code()).isEqualTo(ErrorCode.NOT_WELL_FORMED);
    }

    @Test
    void writeDocumentDeclaresEveryNamespaceItUses() throws Exception {
        Document written = CODEC.writeDocument(CODEC.parse(bytes(VALID)).message());
        org.w3c.dom.Element root = written.getDocumentElement();
        assertThat(root.getAttributeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns")).isEqualTo(Hi1Namespaces.CORE);
        assertThat(root.getAttributeNodeNS(javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "common")).isNotNull();
        XmlAssert.assertThat(written).and(CODEC.readChecked(CODEC.write(CODEC.bind(written)))).ignoreWhitespace().areIdentical();
    }

    @Test
    void writtenMessageParsesBackToTheSameMessage() throws Exception {
        byte[] written = CODEC.write(CODEC.parse(bytes(VALID)).message());
        XmlAssert.assertThat(written).and(bytes(VALID)).ignoreComments().ignoreWhitespace().areSimilar();
        XmlAssert.assertThat(CODEC.write(CODEC.parse(written).message())).and(written).areIdentical();
    }

    @Test
    void schemaLocationHintsAreNeverFetched() throws Exception {
        CODEC.parse(bytes(VALID.replace("<HI1Message ", "<HI1Message xsi:schemaLocation=\""
                + Hi1Namespaces.CORE + " http://attacker.example/core.xsd\" ")));
    }

    @Test
    void oneCodecServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = IntStream.range(0, 40).mapToObj(i -> pool.submit(() ->
                    CODEC.parse(bytes(VALID)).message().getHeader().getTransactionIdentifier())).toList();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("c02358b2-76cf-4ba4-a8eb-f6436ccaea2e");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deliveredXmlIsTheProvidersOwnDataAndNotScreenedAsMessage() throws Exception {
        String delivery = Hi1CodecHostileInputTest.resource("xml-delivery.xml");
        String foreign = delivery.replace("<item1>Foo</item1>", "<item1 xmlns:bar=\"urn:bar\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:string\" "
                + "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">Foo</item1>"
                + "<entry xmlns:common=\"" + Hi1Namespaces.COMMON + "\"><common:Owner>Anyone</common:Owner>"
                + "<common:Name>Anything</common:Name><common:Value>Whatever</common:Value></entry>");
        CODEC.parse(bytes(delivery));
        CODEC.parse(bytes(foreign));
    }

    @Test
    void unsupportedEtsiObjectHiddenInDeliveredXmlIsStillRefused() {
        String delivery = Hi1CodecHostileInputTest.resource("xml-delivery.xml").replace("<item1>Foo</item1>",
                "<item1 xmlns:task=\"" + Hi1Namespaces.TASK + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:type=\"task:LITaskObject\">Foo</item1>");
        assertThat(refusal(() -> CODEC.parse(bytes(delivery))).code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void checkRunsOnADomBuiltElsewhere() throws Exception {
        Document document = org.lexgate.message.xml.HardenedXml.parse(bytes(VALID.replace("V1.13.1", "1.13")));
        assertThat(refusal(() -> CODEC.check(document)).code()).isEqualTo(ErrorCode.BAD_VERSION_FORMAT);
    }
}
