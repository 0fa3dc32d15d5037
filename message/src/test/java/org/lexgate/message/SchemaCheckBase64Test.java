package org.lexgate.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lexgate.message.xml.HardenedXml;
import org.lexgate.xsd.Hi1Schemas;
import org.w3c.dom.Document;

/**
 * A large {@code xs:base64Binary} value is checked by {@link Base64Lexical} and the validator is shown
 * a short stand-in ({@link SchemaCheck}): the verdict must be the validator's own, value for value.
 * Every value here is longer than {@link DomEvents#LARGE_VALUE}, so the check with stand-ins takes
 * the new path, and the reference (stand-ins off) gives the whole value to the JDK validator.
 */
class SchemaCheckBase64Test {

    private static final SchemaSet SCHEMAS = SchemaSet.compile(Hi1Schemas.SCHEMA_FILES.stream().map(Hi1Schemas::schema).toList());
    private static final SchemaCheck WITH_STAND_INS = new SchemaCheck(SCHEMAS, true);
    private static final SchemaCheck VALIDATOR_ONLY = new SchemaCheck(SCHEMAS, false);
    /** Valid characters, a few more than a large value needs: it stays large with a few cut off. */
    private static final String LARGE = "QUJD".repeat(DomEvents.LARGE_VALUE / 4 + 1);

    @Test
    void lexgatesSchemasLetTheLexicalFormDecide() throws Exception {
        assertThat(SCHEMAS.base64CheckedByLexicalForm()).isTrue();
        assertThat(verdict(WITH_STAND_INS, LARGE + "QQ==")).isNull();
        assertThat(verdict(WITH_STAND_INS, LARGE + "QR==")).isEqualTo(ErrorCode.SCHEMA_VALIDATION_FAILED);
        assertThat(verdict(VALIDATOR_ONLY, LARGE + "QR==")).isEqualTo(ErrorCode.SCHEMA_VALIDATION_FAILED);
    }

    static List<String> tails() {
        List<String> tails = new ArrayList<>(List.of(
                "", "QQ==", "QUE=", "QR==", "QUF=", "Q===", "====", "QQ=", "QQ", "Q", "QUJ",
                "QQ==QUJD", "QU=E", "Q=JD", "=QUJ", "QQ== ", " Q Q = = ", "\tQ\nU\rJ\r\nD\n",
                "QUJ!", "QUJ-", "QUJ_", "QUJ\u00a0D", "QUJ\u00e9", "QUJ\u20ac", "QUJ.", "QUJD\u0085",
                "+/+/", "-_-_", "QUJD=", "QUJDQ=", "QUJDQQ=", "\u00a0", "QQ= =", "Q Q==",
                "QUG=", "QUC=", "QUI=", "QB==", "QC==", "QE==", "QI==", "Qg==", "Qw==", "QUc=", "QU8="));
        SplittableRandom random = new SplittableRandom(103120);
        String alphabet = "ABCEGIQgw048+/=  \n\t=!A";
        for (int i = 0; i < 300; i++) {
            StringBuilder tail = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                tail.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            tails.add(tail.toString());
        }
        return tails;
    }

    @ParameterizedTest
    @MethodSource("tails")
    void verdictIsTheValidatorsForEveryValue(String tail) throws Exception {
        assertSameVerdict(LARGE + tail);
        assertSameVerdict(tail + LARGE.substring(tail.length() % 4));
        assertSameVerdict(LARGE.substring(0, 40_000) + tail + LARGE.substring(40_000 + tail.length() % 4));
    }

    @Test
    void valueSplitByCommentsAndCdataIsJudgedWhole() throws Exception {
        assertSameVerdict(LARGE + "<!-- note -->QQ<![CDATA[==]]>");
        assertSameVerdict(LARGE + "<!-- note -->Q<![CDATA[Q=]]>=");
        assertSameVerdict(LARGE + "<?pi data?>QQ<![CDATA[=!]]>");
        assertSameVerdict(LARGE + "<![CDATA[QUJD]]>QQ==QUJD");
    }

    @Test
    void whitespaceOnlyAndChildElementsAreJudgedAsTheValidatorJudgesThem() throws Exception {
        assertSameVerdict(" \n\t".repeat(30_000));
        assertSameVerdict(LARGE + "<delivery:ContentType>x</delivery:ContentType>");
        assertSameVerdict(LARGE + "<delivery:ContentType>x</delivery:ContentType>QUJD");
    }

    @Test
    void aLargeDeliveryThatIsFineIsAcceptedAndBoundWhole() throws Exception {
        byte[] data = new byte[8 * 1024 * 1024 + 2];
        new SplittableRandom(29).nextBytes(data);
        String base64 = Base64.getMimeEncoder().encodeToString(data);
        Hi1Codec codec = Hi1Codec.createDefault();

        ParsedMessage parsed = codec.parse(LargeTextBindingTest.delivery(base64));

        String text = parsed.document().getElementsByTagNameNS(Hi1Namespaces.DELIVERY, "Data").item(0).getTextContent();
        assertThat(text.equals(base64.replace("\r\n", "\n"))).as("the DOM keeps the value (line ends as XML reads them)").isTrue();
        assertThat(parsed.message().getPayload().getRequestPayload().getActionRequests().getActionRequest().get(0)
                .getDELIVER().getHI1Object()).isInstanceOfSatisfying(org.lexgate.hi1.delivery.DeliveryObject.class,
                        d -> assertThat(java.util.Arrays.equals(d.getDelivery().getBinaryData().getData(), data)).isTrue());
    }

    @Test
    void aBadCharacterDeepInsideALargeDeliveryIsRefusedAsASchemaFailure() {
        byte[] data = new byte[8 * 1024 * 1024];
        new SplittableRandom(31).nextBytes(data);
        StringBuilder base64 = new StringBuilder(Base64.getEncoder().encodeToString(data));
        base64.setCharAt(base64.length() - 1_000_003, '*');
        Hi1Codec codec = Hi1Codec.createDefault();

        MessageRejectedException refused = catchThrowableOfType(
                () -> codec.parse(LargeTextBindingTest.delivery(base64.toString())), MessageRejectedException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.SCHEMA_VALIDATION_FAILED);
        assertThat(refused.getMessage()).contains("delivery:Data").contains("U+002A").doesNotContain(base64.substring(0, 100));
    }

    @Test
    void aLargePaddedValueWithBitsBeyondTheDataIsRefused() {
        MessageRejectedException refused = catchThrowableOfType(
                () -> Hi1Codec.createDefault().parse(LargeTextBindingTest.delivery(LARGE + "QR==")), MessageRejectedException.class);

        assertThat(refused.code()).isEqualTo(ErrorCode.SCHEMA_VALIDATION_FAILED);
    }

    private static void assertSameVerdict(String content) throws Exception {
        ErrorCode reference = verdict(VALIDATOR_ONLY, content);
        assertThat(verdict(WITH_STAND_INS, content)).as("verdict on a value ending %s", visible(content)).isEqualTo(reference);
    }

    /** The code the check refuses the delivery with, or null when it passes. */
    private static ErrorCode verdict(SchemaCheck check, String content) throws MessageRejectedException {
        Document document = HardenedXml.parse(LargeTextBindingTest.delivery(content));
        try {
            check.validate(document);
            return null;
        } catch (MessageRejectedException e) {
            return e.code();
        }
    }

    private static String visible(String content) {
        String tail = content.substring(Math.max(0, content.length() - 40));
        return new String(tail.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }
}
