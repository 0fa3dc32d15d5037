package org.lexgate.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lexgate.message.xml.RepeatingInputStream;
import org.lexgate.message.xml.XmlLimits;

/**
 * Each attack of issue 2's "Done when" sent through the default codec, refused with its own code,
 * in bounded time (a generous hang guard, no timing assertion) and bounded memory (inputs are
 * generated as streams; tests state how far the parser read). The peer sees only the safe text.
 */
class Hi1CodecHostileInputTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static final Hi1Codec CODEC = Hi1Codec.createDefault();
    static final String VALID = resource("ld-request.xml");
    private static final String ROOT_OPEN = "<HI1Message xmlns=\"" + Hi1Namespaces.CORE + "\">";
    private static final String ROOT_CLOSE = "</HI1Message>";

    @Test
    void theUntamperedBaseMessageIsAccepted() throws Exception {
        ParsedMessage parsed = CODEC.parse(bytes(VALID));
        assertThat(parsed.message().getHeader().getTransactionIdentifier()).isEqualTo("c02358b2-76cf-4ba4-a8eb-f6436ccaea2e");
    }

    // --- hostile XML ---

    @Test
    void doctypeIsRefused() {
        assertRefused(VALID.replace("<HI1Message ", "<!DOCTYPE HI1Message>\n<HI1Message "), ErrorCode.DOCTYPE_FORBIDDEN);
    }

    @Test
    void externalEntityIsRefused() {
        assertRefused(VALID.replace("<HI1Message ", "<!DOCTYPE HI1Message [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<HI1Message ")
                .replace(">W000001<", ">&xxe;<"), ErrorCode.EXTERNAL_ENTITY_FORBIDDEN);
    }

    @Test
    void billionLaughsEntityExpansionIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE HI1Message [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n");
        assertRefused(VALID.replace("<HI1Message ", dtd + "<HI1Message ").replace(">W000001<", ">&lol9;<"),
                ErrorCode.ENTITY_EXPANSION_FORBIDDEN);
    }

    @Test
    void xincludeIsRefused() {
        assertRefused(VALID.replace("<auth:AuthorisationReference>W000001</auth:AuthorisationReference>",
                "<auth:AuthorisationReference><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                        + "href=\"file:///etc/passwd\" parse=\"text\"/></auth:AuthorisationReference>"),
                ErrorCode.XINCLUDE_FORBIDDEN);
    }

    @Test
    void depthOfTenThousandIsRefused() {
        RepeatingInputStream in = new RepeatingInputStream(ROOT_OPEN, "<Payload>", 10_000, "");
        assertRefused(in, ErrorCode.DEPTH_LIMIT_EXCEEDED);
        assertThat(in.produced()).isLessThan(64 * 1024);
    }

    @Test
    void millionSiblingElementsAreRefused() {
        RepeatingInputStream in = new RepeatingInputStream(ROOT_OPEN, "<Payload/>", 1_000_000, ROOT_CLOSE);
        assertRefused(in, ErrorCode.ELEMENT_LIMIT_EXCEEDED);
        assertThat(in.produced()).isLessThan(in.totalLength());
    }

    @Test
    void tenThousandAttributesAreRefused() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            attributes.append(" a").append(i).append("=\"x\"");
        }
        assertRefused(VALID.replace("<Header>", "<Header" + attributes + ">"), ErrorCode.ATTRIBUTE_LIMIT_EXCEEDED);
    }

    @Test
    void hundredMegabyteTextNodeIsRefused() {
        RepeatingInputStream in = new RepeatingInputStream(ROOT_OPEN + "<Header><WorkflowIdentifier>",
                "A".repeat(1024), 100 * 1024, "</WorkflowIdentifier></Header>" + ROOT_CLOSE);
        assertRefused(in, ErrorCode.TEXT_LIMIT_EXCEEDED);
        assertThat(in.produced()).isLessThan(XmlLimits.DEFAULT_MAX_TEXT_CHARS + 1024 * 1024L);
    }

    @Test
    void oversizedMessageIsRefusedWithoutReadingItAll() {
        Hi1Codec small = Hi1Codec.builder().limits(XmlLimits.defaults().withMaxBytes(256 * 1024)).build();
        RepeatingInputStream in = new RepeatingInputStream(ROOT_OPEN, "<!-- padding padding padding -->\n", 10_000_000, ROOT_CLOSE);
        MessageRejectedException e = refusal(() -> small.parse(in));
        assertThat(e.code()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);
        assertThat(in.produced()).isLessThan(512 * 1024);
    }

    @Test
    void notWellFormedXmlIsRefused() {
        assertRefused(VALID.replace("</Header>", ""), ErrorCode.NOT_WELL_FORMED);
    }

    // --- wrong message ---

    @Test
    void wrongNamespaceIsRefused() {
        assertRefused(VALID.replace("xmlns=\"" + Hi1Namespaces.CORE + "\"", "xmlns=\"http://uri.etsi.org/03120/common/2016/02/Core\""),
                ErrorCode.WRONG_NAMESPACE);
        assertRefused("<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"/>", ErrorCode.WRONG_NAMESPACE);
    }

    @Test
    void xsiTypeNamingAnUnknownTypeIsRefused() {
        assertRefused(VALID.replace("task:LDTaskObject", "task:LDTaskObjectX"), ErrorCode.UNKNOWN_XSI_TYPE);
        assertRefused(VALID.replace("xsi:type=\"task:LDTaskObject\"", "xmlns:evil=\"urn:evil\" xsi:type=\"evil:Gadget\""),
                ErrorCode.UNKNOWN_XSI_TYPE);
        assertRefused(VALID.replace("task:LDTaskObject", "nobody:LDTaskObject"), ErrorCode.UNKNOWN_XSI_TYPE);
    }

    @Test
    void interceptionTaskIsRefusedAsUnsupportedFeature() {
        assertRefused(VALID.replace("task:LDTaskObject", "task:LITaskObject"), ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    @Test
    void takedownTrafficPolicyAndDestinationObjectsAreRefusedAsUnsupportedFeatures() {
        assertRefused(VALID.replace("task:LDTaskObject", "task:TDTaskObject"), ErrorCode.FEATURE_NOT_SUPPORTED);
        assertRefused(VALID.replace("xsi:type=\"task:LDTaskObject\"",
                "xmlns:tp=\"" + Hi1Namespaces.TRAFFIC_POLICY + "\" xsi:type=\"tp:TrafficPolicyObject\""), ErrorCode.FEATURE_NOT_SUPPORTED);
        assertRefused(VALID.replace("xsi:type=\"task:LDTaskObject\"",
                "xmlns:dest=\"" + Hi1Namespaces.DESTINATION + "\" xsi:type=\"dest:LDDestinationObject\""), ErrorCode.FEATURE_NOT_SUPPORTED);
        assertRefused(VALID.replace("xsi:type=\"task:LDTaskObject\"",
                "xmlns:iri=\"" + Hi1Namespaces.IRI_POLICY + "\" xsi:type=\"iri:IRIPolicyObject\""), ErrorCode.FEATURE_NOT_SUPPORTED);
    }

    // --- lexical rules ---

    @Test
    void upperCaseUuidIsRefused() {
        assertRefused(VALID.replace("c02358b2-76cf-4ba4-a8eb-f6436ccaea2e", "C02358B2-76CF-4BA4-A8EB-F6436CCAEA2E"),
                ErrorCode.UUID_NOT_LOWER_CASE);
        assertRefused(VALID.replace("<AssociatedObject>7dbbc880-8750-4d3c-abe7-ea4a17646045",
                "<AssociatedObject>7dbbc880-8750-4d3c-ABE7-ea4a17646045"), ErrorCode.UUID_NOT_LOWER_CASE);
    }

    @Test
    void badTimestampIsRefused() {
        assertRefused(VALID.replace("2019-09-30T13:37:00.000000Z", "2019-09-30T13:37:00.000Z"), ErrorCode.INVALID_TIMESTAMP);
        assertRefused(VALID.replace("2019-09-30T13:37:00.000000Z", "2019-09-30T13:37:00Z"), ErrorCode.INVALID_TIMESTAMP);
        assertRefused(VALID.replace("2019-09-30T13:37:00.000000Z", "2019-13-30T13:37:00.000000Z"), ErrorCode.INVALID_TIMESTAMP);
        assertRefused(VALID.replace("2019-09-30T13:37:00.000000Z", "2019-09-30T13:37:00.000000"), ErrorCode.INVALID_TIMESTAMP);
    }

    @Test
    void badLdidIsRefused() {
        assertRefused(VALID.replace("XX-ACTOR01-1234", "xx-ACTOR01-1234"), ErrorCode.BAD_LDID);
        assertRefused(VALID.replace("XX-ACTOR01-1234", "XX-1234"), ErrorCode.BAD_LDID);
    }

    @Test
    void badVersionFormatIsRefused() {
        assertRefused(VALID.replace("V1.13.1", "1.13.1"), ErrorCode.BAD_VERSION_FORMAT);
        assertRefused(VALID.replace("V1.13.1", "V1.13"), ErrorCode.BAD_VERSION_FORMAT);
    }

    // --- schema and dictionaries ---

    @Test
    void schemaViolationIsRefusedWithoutLeakingValidatorText() {
        MessageRejectedException e = refusal(() -> CODEC.parse(bytes(VALID.replace("<Payload>", "<Unexpected/><Payload>"))));
        assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_VALIDATION_FAILED);
        assertThat(e.getMessage()).contains("cvc-");
        assertThat(e.safeText()).isEqualTo(ErrorCode.SCHEMA_VALIDATION_FAILED.safeText()).doesNotContain("cvc-", "Unexpected");
        assertThat(e.toPeerLine()).isEqualTo("3002 " + ErrorCode.SCHEMA_VALIDATION_FAILED.safeText());
    }

    @Test
    void unknownDictionaryValueIsRefused() {
        assertRefused(VALID.replace("<common:Value>SubscriberData</common:Value>", "<common:Value>EverythingYouHave</common:Value>"),
                ErrorCode.INVALID_DICTIONARY_VALUE);
    }

    @Test
    void unknownDictionaryNameOfEtsiIsRefused() {
        assertRefused(VALID.replace("<common:Name>RequestType</common:Name>", "<common:Name>MadeUpDictionary</common:Name>"),
                ErrorCode.INVALID_DICTIONARY_VALUE);
    }

    @Test
    void dictionaryOfAThirdPartyOwnerIsRefused() {
        assertRefused(VALID.replace("<common:Owner>ETSI</common:Owner>", "<common:Owner>ACTOR99</common:Owner>"),
                ErrorCode.INVALID_DICTIONARY_VALUE);
    }

    @Test
    void dictionaryOfTheReceiverIsAcceptedUnlessThePolicyIsStrict() throws Exception {
        byte[] partyValue = bytes(VALID.replace("<common:Owner>ETSI</common:Owner>", "<common:Owner>ACTOR02</common:Owner>"));
        CODEC.parse(partyValue);
        Hi1Codec strict = Hi1Codec.builder().strictPartyDictionaries(true).build();
        assertThat(refusal(() -> strict.parse(partyValue)).code()).isEqualTo(ErrorCode.INVALID_DICTIONARY_VALUE);
    }

    @Test
    void knownPartyDictionaryIsEnforced() throws Exception {
        String registered = "<Dictionaries xmlns=\"" + Hi1Namespaces.DICTIONARIES + "\"><Dictionary><Owner>ACTOR02</Owner>"
                + "<Name>RequestType</Name><DictionaryEntries><DictionaryEntry><Value>AccountData</Value></DictionaryEntry>"
                + "</DictionaryEntries></Dictionary></Dictionaries>";
        Dictionaries peer = Dictionaries.collect(org.lexgate.message.xml.HardenedXml.parse(bytes(registered)).getDocumentElement());
        Hi1Codec codec = Hi1Codec.builder().partyDictionaries(peer).build();
        MessageRejectedException e = refusal(() -> codec.parse(bytes(
                VALID.replace("<common:Owner>ETSI</common:Owner>", "<common:Owner>ACTOR02</common:Owner>"))));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DICTIONARY_VALUE);
    }

    // --- helpers ---

    private static void assertRefused(String xml, ErrorCode expected) {
        assertRefused(new ByteArrayInputStream(bytes(xml)), expected);
    }

    private static void assertRefused(InputStream in, ErrorCode expected) {
        MessageRejectedException e = refusal(() -> CODEC.parse(in));
        assertThat(e.code()).as(e.getMessage()).isEqualTo(expected);
        assertThat(e.toPeerLine()).isEqualTo(expected.code() + " " + expected.safeText());
    }

    static MessageRejectedException refusal(ThrowingCall call) {
        MessageRejectedException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> catchThrowableOfType(MessageRejectedException.class, call::run));
        assertThat(e).as("the message must be refused").isNotNull();
        return e;
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    static String resource(String name) {
        try (InputStream in = Hi1CodecHostileInputTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
