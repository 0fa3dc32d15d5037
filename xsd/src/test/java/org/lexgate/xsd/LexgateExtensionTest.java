package org.lexgate.xsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Marshaller;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.lexgate.hi1.authorisation.AuthorisationObject;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.document.DocumentObject;
import org.lexgate.hi1.lexgate.AuthorisationParameters;
import org.lexgate.hi1.lexgate.CrossBorderHandling;
import org.lexgate.hi1.lexgate.DisclosureParameters;
import org.lexgate.hi1.lexgate.ForeignRequestDocument;
import org.lexgate.hi1.lexgate.IssuingAuthorityDetails;
import org.lexgate.hi1.lexgate.NotificationParameters;
import org.lexgate.hi1.lexgate.PreservationParameters;
import org.lexgate.hi1.notification.NotificationObject;
import org.lexgate.hi1.task.LDTaskObject;
import org.lexgate.hi1.task.LPTaskObject;
import org.xml.sax.SAXParseException;

/**
 * The lexgate extension: a message using every extension type validates against lexgate's
 * schemas and against ETSI's official ones, and each type is chosen with xsi:type.
 */
class LexgateExtensionTest {

  private static final String SAMPLE = "org/lexgate/xsd/lexgate-extensions-sample.xml";

  @Test
  void sampleValidatesAgainstLexgateSchemas() throws Exception {
    Hi1Schemas.validationSchema().newValidator().validate(source(sample()));
  }

  @Test
  void sampleValidatesAgainstOfficialSchemasPlusLexgateExtension() throws Exception {
    URL extension = Hi1Schemas.schema("lexgate-extension.xsd");
    Schema official = EtsiReference.officialSchema(
        new StreamSource(extension.openStream(), extension.toExternalForm()));
    official.newValidator().validate(source(sample()));
  }

  @Test
  void sampleUsesEveryExtensionType() throws Exception {
    List<String> types = EtsiReference.xsiTypes(EtsiReference.parse(
            java.nio.file.Path.of(getClass().getClassLoader().getResource(SAMPLE).toURI())))
        .stream().filter(t -> t.getNamespaceURI().equals(Hi1Schemas.LEXGATE_NS))
        .map(t -> t.getLocalPart()).toList();
    assertThat(types).containsExactlyInAnyOrder("CrossBorderHandling", "IssuingAuthorityDetails",
        "AuthorisationParameters", "PreservationParameters", "DisclosureParameters",
        "ForeignRequestDocument", "NotificationParameters");
  }

  @Test
  void xsiTypeSelectsTheGeneratedClasses() throws Exception {
    HI1Message message = unmarshal(sample());
    List<ActionRequest> actions = message.getPayload().getRequestPayload().getActionRequests()
        .getActionRequest();

    AuthorisationObject auth = (AuthorisationObject) actions.get(0).getCREATE().getHI1Object();
    CrossBorderHandling crossBorder = (CrossBorderHandling) auth.getNationalHandlingParameters();
    assertThat(crossBorder.getCountryCode()).isEqualTo("FR");
    assertThat(crossBorder.getMode().getValue()).isEqualTo("GiveEffect");
    assertThat(crossBorder.getRequestingCountry()).isEqualTo("DE");
    assertThat(crossBorder.getMutualLegalAssistance().isIntended()).isTrue();
    assertThat(auth.getAuthorisationApprovalDetails().get(0).getApprovalNationalDetails())
        .isInstanceOfSatisfying(IssuingAuthorityDetails.class,
            d -> assertThat(d.getSwitchboardNumber()).isEqualTo("33144325151"));
    assertThat(auth.getNationalAuthorisationParameters())
        .isInstanceOfSatisfying(AuthorisationParameters.class,
            p -> assertThat(p.getLegalBasis().get(0).getArticle()).isEqualTo("29"));

    LPTaskObject preservation = (LPTaskObject) actions.get(1).getCREATE().getHI1Object();
    assertThat(preservation.getNationalLPTaskingParameters())
        .isInstanceOfSatisfying(PreservationParameters.class,
            p -> assertThat(p.getNecessityOfPreservation()).contains("30 days"));

    LDTaskObject disclosure = (LDTaskObject) actions.get(2).getCREATE().getHI1Object();
    assertThat(disclosure.getNationalLDTaskingParameters())
        .isInstanceOfSatisfying(DisclosureParameters.class, p -> {
          assertThat(p.getRefusal().getReason().getValue()).isEqualTo("DataNotHeld");
          assertThat(p.getCostReimbursement().getCurrency()).isEqualTo("EUR");
        });

    DocumentObject document = (DocumentObject) actions.get(3).getCREATE().getHI1Object();
    assertThat(document.getNationalDocumentParameters())
        .isInstanceOf(ForeignRequestDocument.class);
    NotificationObject notification = (NotificationObject) actions.get(4).getCREATE().getHI1Object();
    assertThat(notification.getNationalNotificationParameters())
        .isInstanceOf(NotificationParameters.class);
  }

  @Test
  void extensionTypesSurviveMarshalling() throws Exception {
    JAXBElement<HI1Message> read = Hi1Schemas.context().createUnmarshaller()
        .unmarshal(source(sample()), HI1Message.class);
    StringWriter out = new StringWriter();
    Marshaller marshaller = Hi1Schemas.context().createMarshaller();
    marshaller.marshal(read, out);
    Hi1Schemas.validationSchema().newValidator().validate(source(out.toString()));
    assertThat(out.toString()).contains("CrossBorderHandling", "PreservationParameters");
  }

  @Test
  void preservationWithoutNecessityIsRefused() throws Exception {
    String broken = sample().replaceAll(
        "(?s)<lexgate:NecessityOfPreservation>.*?</lexgate:NecessityOfPreservation>", "");
    assertThatThrownBy(() -> Hi1Schemas.validationSchema().newValidator().validate(source(broken)))
        .isInstanceOf(SAXParseException.class)
        .hasMessageContaining("NecessityOfPreservation");
  }

  @Test
  void extensionMustCarryEtsiCountryCodeFirst() throws Exception {
    String broken = sample().replace("<task:CountryCode>FR</task:CountryCode>", "");
    assertThatThrownBy(() -> Hi1Schemas.validationSchema().newValidator().validate(source(broken)))
        .isInstanceOf(SAXParseException.class);
  }

  @Test
  void extensionTypeInTheWrongSlotIsRefused() throws Exception {
    String broken = sample().replace(
        "xsi:type=\"lexgate:DisclosureParameters\"", "xsi:type=\"lexgate:PreservationParameters\"");
    assertThatThrownBy(() -> Hi1Schemas.validationSchema().newValidator().validate(source(broken)))
        .isInstanceOf(SAXParseException.class)
        .hasMessageContaining("cvc-elt.4.3");
  }

  static String sample() throws Exception {
    try (InputStream in = LexgateExtensionTest.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static StreamSource source(String xml) {
    return new StreamSource(new StringReader(xml));
  }

  static HI1Message unmarshal(String xml) throws Exception {
    var unmarshaller = Hi1Schemas.context().createUnmarshaller();
    unmarshaller.setSchema(Hi1Schemas.validationSchema());
    return unmarshaller.unmarshal(source(xml), HI1Message.class).getValue();
  }
}
