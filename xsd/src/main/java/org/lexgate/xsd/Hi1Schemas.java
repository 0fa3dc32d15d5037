package org.lexgate.xsd;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Entry point to lexgate's message schemas: the ETSI TS 103 120 profile, the lexgate extension,
 * the dictionaries, and one JAXB context over every generated package.
 *
 * <p>All files are classpath resources under {@value #RESOURCE_DIR}; their schemaLocations are
 * relative, and {@link #validationSchema()} resolves them from the classpath only, so nothing is
 * ever fetched from the network. Thread-safe; the context and the compiled schema are built once.
 */
public final class Hi1Schemas {

  /** Classpath folder of the schemas and dictionaries. */
  public static final String RESOURCE_DIR = "org/lexgate/xsd/";

  /** The lexgate extension namespace (prefix {@code lexgate}). */
  public static final String LEXGATE_NS = "http://lexgate.org/ns/hi1/2026/11";

  /** The validation entry point: imports every namespace file, declares nothing itself. */
  public static final String ENTRY_SCHEMA = "lexgate-profile.xsd";

  /** One schema file per namespace, in dependency order. */
  public static final List<String> SCHEMA_FILES = List.of(
      "ts103280.xsd",
      "xmldsig.xsd",
      "hi1-dictionaries.xsd",
      "hi1-common.xsd",
      "hi1-config.xsd",
      "hi1-core.xsd",
      "hi1-authorisation.xsd",
      "hi1-task.xsd",
      "hi1-document.xsd",
      "hi1-notification.xsd",
      "hi1-delivery.xsd",
      "lexgate-extension.xsd");

  /** Classpath path of the ETSI dictionary values lexgate supports (Owner "ETSI"). */
  public static final String ETSI_DICTIONARIES = RESOURCE_DIR + "etsi-dictionaries.xml";

  /** Classpath path of lexgate's own dictionaries (Owner "lexgate"). */
  public static final String LEXGATE_DICTIONARIES = RESOURCE_DIR + "lexgate-dictionaries.xml";

  /** Dictionary owner of lexgate's own values. */
  public static final String LEXGATE_DICTIONARY_OWNER = "lexgate";

  /** Namespace URI to the prefix ETSI's examples (and lexgate) write it with. */
  public static final Map<String, String> PREFIXES = prefixes();

  /** The generated packages, one per namespace. */
  public static final List<String> PACKAGES = List.of(
      "org.lexgate.hi1.core",
      "org.lexgate.hi1.common",
      "org.lexgate.hi1.authorisation",
      "org.lexgate.hi1.task",
      "org.lexgate.hi1.document",
      "org.lexgate.hi1.notification",
      "org.lexgate.hi1.delivery",
      "org.lexgate.hi1.config",
      "org.lexgate.hi1.dictionaries",
      "org.lexgate.hi1.etsi280",
      "org.lexgate.hi1.xmldsig",
      "org.lexgate.hi1.lexgate");

  private Hi1Schemas() {}

  /**
   * The JAXB context over every generated package, so that {@code xsi:type} names any supported
   * ETSI object or lexgate extension type. Unmarshalling an {@code HI1Message} document yields a
   * {@code JAXBElement<org.lexgate.hi1.core.HI1Message>}.
   */
  public static JAXBContext context() {
    return ContextHolder.CONTEXT;
  }

  /**
   * The compiled schema of the whole profile (thread-safe; create one Validator per use).
   * Built with secure processing, external DTD and schema access switched off; imports are
   * resolved from the classpath only.
   */
  public static Schema validationSchema() {
    return SchemaHolder.SCHEMA;
  }

  /**
   * The classpath URL of one of lexgate's schema files.
   *
   * @param fileName a name from {@link #SCHEMA_FILES} or {@link #ENTRY_SCHEMA}
   * @throws IllegalArgumentException for any other name
   */
  public static URL schema(String fileName) {
    if (!ENTRY_SCHEMA.equals(fileName) && !SCHEMA_FILES.contains(fileName)) {
      throw new IllegalArgumentException("not a lexgate schema: " + fileName);
    }
    return resource(RESOURCE_DIR + fileName);
  }

  /** The classpath URL of {@value #ETSI_DICTIONARIES}. */
  public static URL etsiDictionaries() {
    return resource(ETSI_DICTIONARIES);
  }

  /** The classpath URL of {@value #LEXGATE_DICTIONARIES}. */
  public static URL lexgateDictionaries() {
    return resource(LEXGATE_DICTIONARIES);
  }

  /**
   * A schema factory that reads nothing by itself: secure processing on, no external DTD or
   * schema access, and lexgate's schema files served from the classpath. Add sources to it
   * (e.g. a content schema for delivered XML) when the profile alone is not enough.
   */
  public static SchemaFactory newSchemaFactory() {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException("XML schema factory lacks secure processing", e);
    }
    factory.setResourceResolver(new ClasspathSchemaResolver());
    return factory;
  }

  static URL resource(String path) {
    URL url = Hi1Schemas.class.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalStateException("missing classpath resource " + path);
    }
    return url;
  }

  private static Map<String, String> prefixes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("http://uri.etsi.org/03120/common/2019/10/Core", "core");
    m.put("http://uri.etsi.org/03120/common/2016/02/Common", "common");
    m.put("http://uri.etsi.org/03120/common/2020/09/Authorisation", "auth");
    m.put("http://uri.etsi.org/03120/common/2020/09/Task", "task");
    m.put("http://uri.etsi.org/03120/common/2020/09/Document", "doc");
    m.put("http://uri.etsi.org/03120/common/2016/02/Notification", "notification");
    m.put("http://uri.etsi.org/03120/common/2019/10/Delivery", "delivery");
    m.put("http://uri.etsi.org/03120/common/2024/06/Config", "config");
    m.put("http://uri.etsi.org/03280/common/2019/10/Dictionaries", "dictionaries");
    m.put("http://uri.etsi.org/03280/common/2017/07", "etsi");
    m.put("http://www.w3.org/2000/09/xmldsig#", "ds");
    m.put(LEXGATE_NS, "lexgate");
    m.put(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "xsi");
    return Map.copyOf(m);
  }

  private static final class ContextHolder {
    static final JAXBContext CONTEXT = create();

    private static JAXBContext create() {
      try {
        return JAXBContext.newInstance(String.join(":", PACKAGES), Hi1Schemas.class.getClassLoader());
      } catch (JAXBException e) {
        throw new IllegalStateException("cannot build the JAXB context of the HI-1 packages", e);
      }
    }
  }

  private static final class SchemaHolder {
    static final Schema SCHEMA = compile();

    private static Schema compile() {
      URL entry = schema(ENTRY_SCHEMA);
      try (InputStream in = entry.openStream()) {
        return newSchemaFactory().newSchema(new StreamSource(in, entry.toExternalForm()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SAXException e) {
        throw new IllegalStateException("lexgate's schemas do not compile", e);
      }
    }
  }
}
