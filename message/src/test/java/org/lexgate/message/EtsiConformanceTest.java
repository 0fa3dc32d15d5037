package org.lexgate.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.assertj3.XmlAssert;

/**
 * ETSI's 27 example messages (TS 103 120 v1.23.1): those that use only objects lexgate supports
 * parse, bind and round-trip (similar after parse and write) and what lexgate writes validates
 * against the official ETSI schemas; those that use unsupported objects are refused with 3001.
 * Skipped, with the reason, when the ETSI reference folder is absent.
 */
class EtsiConformanceTest {

    /** The examples that use interception, takedown, traffic policy or destination objects. */
    static final Set<String> UNSUPPORTED = Set.of(
            "mutliple-auth-example-request.xml", // task:LITaskObject
            "request1.xml",                      // task:LITaskObject
            "request10_LDDestinationObject.xml", // dest:LDDestinationObject
            "request11_LIDestinationObject.xml", // dest:LIDestinationObject, task:LITaskObject
            "request6_signed.xml",               // task:LITaskObject
            "request7_TrafficPolicyObject.xml",  // tp:TrafficPolicyObject, tp:TrafficRuleObject
            "request_takedown.xml",              // task:TDTaskObject
            "response2.xml");                    // task:LITaskObject

    private static final Hi1Codec CODEC = Hi1Codec.createDefault();
    private static Validator officialEtsi;

    @BeforeAll
    static void officialSchemas() {
        officialEtsi = EtsiReference.officialSchemas().schema().newValidator();
    }

    static List<Path> supported() {
        List<Path> all = EtsiReference.examples();
        assertThat(all).hasSize(27);
        return all.stream().filter(p -> !UNSUPPORTED.contains(p.getFileName().toString())).toList();
    }

    static List<Path> unsupported() {
        return EtsiReference.examples().stream().filter(p -> UNSUPPORTED.contains(p.getFileName().toString())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void supportedExampleParsesAndRoundTrips(Path example) throws Exception {
        byte[] original = Files.readAllBytes(example);
        ParsedMessage parsed = CODEC.parse(original);
        assertThat(parsed.bytes()).isSameAs(original);
        assertThat(parsed.message().getHeader()).isNotNull();

        byte[] written = CODEC.write(parsed.message());

        XmlAssert.assertThat(written).and(original).ignoreComments().ignoreWhitespace().areSimilar();
        officialEtsi.validate(new StreamSource(new ByteArrayInputStream(written)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supported")
    void supportedExampleReadFromAStreamKeepsItsExactBytes(Path example) throws Exception {
        byte[] original = Files.readAllBytes(example);
        ParsedMessage parsed = CODEC.parse(new ByteArrayInputStream(original));
        assertThat(parsed.bytes()).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void exampleWithUnsupportedObjectsIsRefusedWith3001(Path example) throws Exception {
        MessageRejectedException e = Hi1CodecHostileInputTest.refusal(() -> CODEC.parse(Files.readAllBytes(example)));
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
        assertThat(e.toPeerLine()).startsWith("3001 ");
    }
}
