package org.lexgate.xsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lexgate.hi1.core.HI1Message;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * ETSI's own example messages against lexgate's schemas: those that use only supported objects
 * validate and survive a JAXB round trip; the others are refused by the schema (the codec refuses
 * them earlier, with 3001).
 */
class EtsiExamplesTest {

  /** 19 of ETSI's 27 v1.23.1 examples use only objects lexgate supports. */
  private static final int SUPPORTED_EXAMPLES = 19;

  @Test
  void classifiesTheExamplesAsExpected() throws Exception {
    List<String> supported = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (Path file : EtsiReference.examples()) {
      Document doc = EtsiReference.parse(file);
      (EtsiReference.usesOnlySupportedObjects(doc) ? supported : unsupported)
          .add(file.getFileName().toString());
    }
    assertThat(supported).hasSize(SUPPORTED_EXAMPLES)
        .contains("request4-Preservation-Link.xml", "request8_LPTaskObject.xml",
            "request5-XML-Delivery.xml", "response_ee_config.xml");
    assertThat(unsupported).containsExactlyInAnyOrder(
        "mutliple-auth-example-request.xml", "request1.xml", "request10_LDDestinationObject.xml",
        "request11_LIDestinationObject.xml", "request6_signed.xml",
        "request7_TrafficPolicyObject.xml", "request_takedown.xml", "response2.xml");
  }

  @TestFactory
  Stream<DynamicTest> supportedExamplesValidateAgainstLexgateSchemas() throws Exception {
    return examples(true).map(file -> DynamicTest.dynamicTest(name(file), () ->
        Hi1Schemas.validationSchema().newValidator().validate(new StreamSource(file.toFile()))));
  }

  @TestFactory
  Stream<DynamicTest> unsupportedExamplesAreRefusedBySchema() throws Exception {
    return examples(false).map(file -> DynamicTest.dynamicTest(name(file), () ->
        assertThatThrownBy(() -> Hi1Schemas.validationSchema().newValidator()
            .validate(new StreamSource(file.toFile())))
            .isInstanceOf(SAXParseException.class)
            .hasMessageContaining("cvc-elt.4.2")));
  }

  @TestFactory
  Stream<DynamicTest> supportedExamplesRoundTripThroughJaxb() throws Exception {
    Schema official = EtsiReference.officialSchema();
    return examples(true).map(file -> DynamicTest.dynamicTest(name(file), () -> {
      Unmarshaller unmarshaller = Hi1Schemas.context().createUnmarshaller();
      unmarshaller.setSchema(Hi1Schemas.validationSchema());
      JAXBElement<HI1Message> read =
          unmarshaller.unmarshal(new StreamSource(file.toFile()), HI1Message.class);
      HI1Message message = read.getValue();

      Marshaller marshaller = Hi1Schemas.context().createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
      StringWriter written = new StringWriter();
      marshaller.marshal(read, written);
      String xml = written.toString();

      // the written document is valid for lexgate and for ETSI's official schemas
      Hi1Schemas.validationSchema().newValidator().validate(new StreamSource(new StringReader(xml)));
      official.newValidator().validate(new StreamSource(new StringReader(xml)));

      // and similar to the original: same elements, types, attributes and values
      Document original = EtsiReference.parse(file);
      DOMResult again = new DOMResult();
      marshaller.marshal(read, again);
      Document rewritten = (Document) again.getNode();
      assertThat(XmlShape.of(rewritten.getDocumentElement()))
          .containsExactlyElementsOf(XmlShape.of(original.getDocumentElement()));
      assertThat(message.getHeader().getTransactionIdentifier())
          .isEqualTo(original.getElementsByTagNameNS(EtsiReference.CORE, "TransactionIdentifier")
              .item(0).getTextContent());
    }));
  }

  private static Stream<Path> examples(boolean supported) throws Exception {
    List<Path> chosen = new ArrayList<>();
    for (Path file : EtsiReference.examples()) {
      if (EtsiReference.usesOnlySupportedObjects(EtsiReference.parse(file)) == supported) {
        chosen.add(file);
      }
    }
    return chosen.stream();
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
