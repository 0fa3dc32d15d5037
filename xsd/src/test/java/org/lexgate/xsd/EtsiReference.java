package org.lexgate.xsd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;

/**
 * The official ETSI TS 103 120 reference folder (schemas, dictionaries, examples), located by the
 * system property {@code lexgate.etsi.dir} or, failing that, {@code ../../shared/etsi-103120}
 * relative to this module. Tests that need it skip, saying so, when it is absent.
 */
final class EtsiReference {

  static final String CORE = "http://uri.etsi.org/03120/common/2019/10/Core";
  static final String TASK = "http://uri.etsi.org/03120/common/2020/09/Task";

  /** The HI1Object types lexgate supports; every other xsi:type there is refused with 3001. */
  static final Set<QName> SUPPORTED_OBJECTS = Set.of(
      new QName("http://uri.etsi.org/03120/common/2020/09/Authorisation", "AuthorisationObject"),
      new QName(TASK, "LDTaskObject"),
      new QName(TASK, "LPTaskObject"),
      new QName("http://uri.etsi.org/03120/common/2020/09/Document", "DocumentObject"),
      new QName("http://uri.etsi.org/03120/common/2016/02/Notification", "NotificationObject"),
      new QName("http://uri.etsi.org/03120/common/2019/10/Delivery", "DeliveryObject"));

  private EtsiReference() {}

  /** The reference folder, or a skipped test with a plain message. */
  static Path dir() {
    String property = System.getProperty("lexgate.etsi.dir");
    Path dir = property != null && !property.isBlank()
        ? Path.of(property)
        : Path.of("../../shared/etsi-103120");
    if (!Files.isRegularFile(dir.resolve("hi1-all.xsd"))) {
      String message = "SKIPPED: the ETSI TS 103 120 reference folder is absent (looked in "
          + dir.toAbsolutePath().normalize() + "; set -Dlexgate.etsi.dir)";
      System.out.println(message);
      Assumptions.assumeTrue(false, message);
    }
    return dir;
  }

  static Path examplesDir() {
    return dir().resolve("v1.23.1/examples/xml");
  }

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(examplesDir())) {
      return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }

  /** Whether every xsi:type in the document names an object or type lexgate supports. */
  static boolean usesOnlySupportedObjects(Document document) {
    return xsiTypes(document).stream()
        .filter(t -> !t.getNamespaceURI().equals(Hi1Schemas.LEXGATE_NS))
        .allMatch(SUPPORTED_OBJECTS::contains);
  }

  static List<QName> xsiTypes(Document document) {
    List<QName> types = new ArrayList<>();
    NodeList all = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      String type = e.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
      if (!type.isEmpty()) {
        int colon = type.indexOf(':');
        String prefix = colon < 0 ? null : type.substring(0, colon);
        types.add(new QName(e.lookupNamespaceURI(prefix), type.substring(colon + 1)));
      }
    }
    return types;
  }

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  /**
   * The official schemas (hi1-all.xsd) followed by extra sources, e.g. lexgate-extension.xsd.
   * The official files import by namespace and read only local files; the DTD that the W3C
   * signature schema declares is replaced by an empty one so that nothing is fetched.
   */
  static Schema officialSchema(Source... extra) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance()
        .newDocumentBuilder().getDOMImplementation();
    factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
      if (systemId != null && systemId.endsWith(".dtd")) {
        LSInput empty = ls.createLSInput();
        empty.setByteStream(new ByteArrayInputStream(new byte[0]));
        empty.setSystemId(systemId);
        return empty;
      }
      return null;
    });
    List<Source> sources = new ArrayList<>();
    sources.add(new StreamSource(dir().resolve("hi1-all.xsd").toFile()));
    sources.addAll(List.of(extra));
    return factory.newSchema(sources.toArray(Source[]::new));
  }
}
