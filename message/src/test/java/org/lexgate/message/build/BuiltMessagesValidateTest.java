package org.lexgate.message.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.ParsedMessage;
import org.xmlunit.assertj3.XmlAssert;

/**
 * Every message type the builders make passes lexgate's codec (schema, dictionaries, lexical
 * rules) and the OFFICIAL ETSI schemas, and reads back to the same message.
 */
class BuiltMessagesValidateTest {

    private static final Hi1Codec CODEC = Hi1Codec.createDefault();

    static Stream<Arguments> examples() {
        return ExampleMessages.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void passesTheLexgateCodec(String name, Supplier<HI1Message> example) throws Exception {
        byte[] bytes = Hi1Messages.write(example.get());
        ParsedMessage parsed = CODEC.parse(bytes);
        XmlAssert.assertThat(CODEC.write(parsed.message())).and(bytes).areIdentical();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void writtenStraightToADomItPassesTheSameChecksAndSaysTheSame(String name, Supplier<HI1Message> example) throws Exception {
        org.w3c.dom.Document written = CODEC.writeDocument(example.get());
        XmlAssert.assertThat(written).and(CODEC.write(example.get())).ignoreWhitespace().areIdentical();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void validatesAgainstTheOfficialEtsiSchemas(String name, Supplier<HI1Message> example) throws Exception {
        OfficialEtsiSchemas.validate(Hi1Messages.write(example.get()), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void headerNamesLexgateProfileWithAMicrosecondTimestamp(String name, Supplier<HI1Message> example) throws Exception {
        String xml = new String(Hi1Messages.write(example.get()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).containsPattern("<Timestamp>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z</Timestamp>")
                .contains("<ETSIVersion>V1.23.1</ETSIVersion>")
                .contains("<NationalProfileOwner>lexgate</NationalProfileOwner>")
                .containsPattern("<TransactionIdentifier>[0-9a-f-]{36}</TransactionIdentifier>");
    }
}
