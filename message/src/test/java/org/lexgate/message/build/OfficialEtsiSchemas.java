package org.lexgate.message.build;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.lexgate.xsd.Hi1Schemas;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;

/**
 * The OFFICIAL ETSI schemas (the reference folder's hi1-all.xsd) plus lexgate-extension.xsd for
 * the lexgate types reached through ETSI's National* extension points, plus the schema of the
 * example provider data that the inline-XML delivery carries: ETSI's XMLData is processed
 * strictly, so a validator must know the delivered format (hi1-all.xsd does the same for ETSI's
 * FooServiceSchema). The folder is {@code -Dlexgate.etsi.dir}, else ../../shared/etsi-103120.
 */
final class OfficialEtsiSchemas {

    /** Namespace of the subscriber record the example provider delivers inline. */
    static final String SUBSCRIBER_RECORD_NS = "http://xa-provider.example/ns/subscriber-record/1";

    static final String SUBSCRIBER_RECORD_XSD = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                       targetNamespace="http://xa-provider.example/ns/subscriber-record/1"
                       xmlns:sr="http://xa-provider.example/ns/subscriber-record/1" elementFormDefault="qualified">
              <xs:element name="SubscriberRecord">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="AccountId" type="xs:string"/>
                    <xs:element name="Name" type="xs:string"/>
                    <xs:element name="EmailAddress" type="xs:string"/>
                    <xs:element name="RegisteredAt" type="xs:dateTime"/>
                    <xs:element name="RegistrationIPAddress" type="xs:string" minOccurs="0"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:schema>
            """;

    private static Schema schema;

    private OfficialEtsiSchemas() {
    }

    static Path folder() {
        String configured = System.getProperty("lexgate.etsi.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../shared/etsi-103120");
        return dir.toAbsolutePath().normalize();
    }

    /** The compiled official schemas, or a skipped test that says why. */
    static synchronized Schema schema() throws Exception {
        Path dir = folder();
        if (!Files.isRegularFile(dir.resolve("hi1-all.xsd"))) {
            String reason = "SKIPPED: official ETSI TS 103 120 schemas absent (looked for " + dir.resolve("hi1-all.xsd")
                    + "; set -Dlexgate.etsi.dir): builder output not checked against them";
            System.out.println(reason);
            Assumptions.assumeTrue(false, reason);
        }
        if (schema == null) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder().getDOMImplementation();
            // the W3C signature schema declares a DTD: give it an empty one so nothing is fetched
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                if (systemId != null && systemId.endsWith(".dtd")) {
                    LSInput empty = ls.createLSInput();
                    empty.setByteStream(new ByteArrayInputStream(new byte[0]));
                    empty.setSystemId(systemId);
                    return empty;
                }
                return null;
            });
            URL extension = Hi1Schemas.schema("lexgate-extension.xsd");
            schema = factory.newSchema(new javax.xml.transform.Source[] {
                new StreamSource(dir.resolve("hi1-all.xsd").toFile()),
                new StreamSource(extension.openStream(), extension.toExternalForm()),
                new StreamSource(new StringReader(SUBSCRIBER_RECORD_XSD), "urn:lexgate:test:subscriber-record.xsd")});
        }
        return schema;
    }

    /** Validates the bytes against the official schemas; throws SAXException with ETSI's complaint. */
    static void validate(byte[] bytes, String name) throws Exception {
        schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(bytes), name));
    }
}
