package org.lexgate.xsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.Test;
import org.lexgate.hi1.xmldsig.SignatureType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;

/** The ds:Signature subset: ETSI's signed example fits it; enveloping extras do not. */
class XmlDsigTest {

  private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

  @Test
  void etsiSignedExampleSignatureValidatesAndUnmarshals() throws Exception {
    Element signature = signatureOfSignedExample(EtsiReference.parse(signedExample()));
    Hi1Schemas.validationSchema().newValidator().validate(new DOMSource(signature));

    SignatureType read = Hi1Schemas.context().createUnmarshaller()
        .unmarshal(new DOMSource(signature), SignatureType.class).getValue();
    assertThat(read.getSignedInfo().getCanonicalizationMethod().getAlgorithm())
        .isEqualTo("http://www.w3.org/2006/12/xml-c14n11");
    assertThat(read.getSignedInfo().getReference().get(0).getURI()).isEmpty();
    assertThat(read.getKeyInfo().getX509Data().get(0)
        .getX509IssuerSerialOrX509SKIOrX509SubjectName()).hasSize(1);
  }

  @Test
  void signatureWithAnObjectIsRefused() throws Exception {
    Document doc = EtsiReference.parse(signedExample());
    Element signature = signatureOfSignedExample(doc);
    signature.appendChild(doc.createElementNS(DS, "ds:Object"));
    assertThatThrownBy(() ->
        Hi1Schemas.validationSchema().newValidator().validate(new DOMSource(signature)))
        .isInstanceOf(SAXParseException.class);
  }

  @Test
  void xpathTransformIsRefused() throws Exception {
    Document doc = EtsiReference.parse(signedExample());
    Element signature = signatureOfSignedExample(doc);
    Element transform = (Element) signature.getElementsByTagNameNS(DS, "Transform").item(0);
    transform.appendChild(doc.createElementNS(DS, "ds:XPath")).setTextContent("1");
    assertThatThrownBy(() ->
        Hi1Schemas.validationSchema().newValidator().validate(new DOMSource(signature)))
        .isInstanceOf(SAXParseException.class);
  }

  private static java.nio.file.Path signedExample() {
    return EtsiReference.examplesDir().resolve("request6_signed.xml");
  }

  private static Element signatureOfSignedExample(Document doc) {
    return (Element) doc.getElementsByTagNameNS(DS, "Signature").item(0);
  }
}
