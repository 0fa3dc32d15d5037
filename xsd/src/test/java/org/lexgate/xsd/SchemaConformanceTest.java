package org.lexgate.xsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * lexgate's own schema files against ETSI's: every type lexgate declares in an ETSI namespace
 * has the same content model as ETSI's type of that name (element names, order, types,
 * occurrences, base types, facets), and every ETSI type lexgate leaves out is one it does not
 * support. The XML-DSig subset is checked by XmlDsigTest instead; processContents is not
 * compared, because Delivery's XMLData and JSONData are "lax" on purpose (see hi1-delivery.xsd).
 */
class SchemaConformanceTest {

  private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

  /** lexgate file and the official file of the same namespace. */
  private static final Map<String, String> PAIRS = Map.of(
      "ts103280.xsd", "ts103280/TS_103_280_01.xsd",
      "hi1-dictionaries.xsd", "v1.12.1/dictionaries/ts_103120_Dictionaries.xsd",
      "hi1-common.xsd", "v1.23.1/schema/xsd/ts_103120_Common.xsd",
      "hi1-core.xsd", "v1.23.1/schema/xsd/ts_103120_Core.xsd",
      "hi1-config.xsd", "v1.23.1/schema/xsd/ts_103120_Config.xsd",
      "hi1-task.xsd", "v1.23.1/schema/xsd/ts_103120_Task.xsd",
      "hi1-delivery.xsd", "v1.23.1/schema/xsd/ts_103120_Delivery.xsd",
      "hi1-authorisation.xsd", "v1.12.1/schema/ts_103120_Authorisation.xsd",
      "hi1-document.xsd", "v1.12.1/schema/ts_103120_Document.xsd",
      "hi1-notification.xsd", "v1.12.1/schema/ts_103120_Notification.xsd");

  /** ETSI types lexgate does not declare: interception, traffic/IRI policy, takedown. */
  private static final Set<String> LEFT_OUT = Set.of(
      "LITaskObject", "TaskTimespan", "TargetIdentifier", "TargetIdentifierValues",
      "TargetIdentifierValue", "TaskDeliveryDetails", "DeliveryDestination", "TaskFlags",
      "NationalLITaskingParameters", "ListOfTrafficPolicyReferences", "TrafficPolicyReference",
      "ListOfIRIPolicyReferences", "IRIPolicyReference", "TDTaskObject", "TakedownRequestDetails",
      "ListOfObservedTimes", "TDTaskFlags", "NationalTDTaskingParameters", "ListOfTDDeadlines",
      "TakedownDeadline", "ListOfAlternativeDisclosureReferences",
      "AlternativeDisclosureReference",
      // TS 103 280 types no supported HI-1 type uses
      "UTCDateTime", "UTCMicrosecondDateTime", "IMSI", "IMEI", "IMEICheckDigit", "IMEISV",
      "IPv4CIDR", "IPv6CIDR", "IPCIDR", "MACAddress", "SIPURI", "TELURI",
      "WGS84CoordinateDecimal", "WGS84LatitudeDecimal", "WGS84LongitudeDecimal",
      "WGS84CoordinateAngular", "WGS84LatitudeAngular", "WGS84LongitudeAngular", "SUPIIMSI",
      "SUPINAI", "SUCI", "PEIIMEI", "PEIIMEICheckDigit", "PEIIMEISV", "GPSIMSISDN", "GPSINAI",
      "NAI", "EUI64", "FiveGSTMSI", "FiveGGUTI");

  @Test
  void everyDeclaredTypeMatchesEtsi() throws Exception {
    Path etsi = EtsiReference.dir();
    List<String> differences = new ArrayList<>();
    for (var pair : PAIRS.entrySet()) {
      Map<String, String> ours = outline(parse(Hi1Schemas.schema(pair.getKey())));
      Map<String, String> theirs = outline(parse(etsi.resolve(pair.getValue()).toUri().toURL()));
      for (var type : ours.entrySet()) {
        String official = theirs.get(type.getKey());
        if (!type.getValue().equals(official)) {
          differences.add(pair.getKey() + " " + type.getKey() + "\n  lexgate: " + type.getValue()
              + "\n  ETSI:    " + official);
        }
      }
      TreeSet<String> missing = new TreeSet<>(theirs.keySet());
      missing.removeAll(ours.keySet());
      missing.removeAll(LEFT_OUT);
      missing.forEach(m -> differences.add(pair.getKey() + " lacks ETSI type " + m));
    }
    assertThat(differences).isEmpty();
  }

  private static Document parse(URL url) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    try (var in = url.openStream()) {
      return f.newDocumentBuilder().parse(in);
    }
  }

  /** Global element and type name to an outline of its definition. */
  private static Map<String, String> outline(Document schema) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Node n = schema.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && XS.equals(e.getNamespaceURI()) && e.hasAttribute("name")) {
        String key = (e.getLocalName().equals("element") ? "element " : "") + e.getAttribute("name");
        out.put(key, describe(e));
      }
    }
    return out;
  }

  private static String describe(Element e) {
    StringBuilder s = new StringBuilder(e.getLocalName());
    for (String attribute : List.of("type", "ref", "base", "abstract", "mixed", "minOccurs",
        "maxOccurs", "value", "namespace", "use")) {
      String value = e.getAttribute(attribute);
      if (attribute.equals("minOccurs") || attribute.equals("maxOccurs")) {
        value = value.isEmpty() ? "1" : value;
      }
      if (attribute.equals("mixed") && value.equals("false")) {
        value = "";
      }
      if (!value.isEmpty()) {
        boolean qname = attribute.equals("type") || attribute.equals("ref") || attribute.equals("base");
        s.append(' ').append(attribute).append('=').append(qname ? resolve(e, value) : value);
      }
    }
    if (e.getLocalName().equals("element") || e.getLocalName().equals("attribute")) {
      s.append(" name=").append(e.getAttribute("name"));
    }
    StringBuilder children = new StringBuilder();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && XS.equals(c.getNamespaceURI())
          && !c.getLocalName().equals("annotation") && !c.getLocalName().equals("import")) {
        children.append(describe(c)).append(", ");
      }
    }
    return children.length() == 0 ? s.toString() : s + " [" + children + "]";
  }

  private static String resolve(Element context, String qname) {
    int colon = qname.indexOf(':');
    String prefix = colon < 0 ? null : qname.substring(0, colon);
    return "{" + context.lookupNamespaceURI(prefix) + "}" + qname.substring(colon + 1);
  }
}
