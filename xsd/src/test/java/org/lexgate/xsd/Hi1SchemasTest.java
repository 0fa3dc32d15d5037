package org.lexgate.xsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBIntrospector;
import java.io.StringReader;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.lexgate.hi1.core.HI1Message;
import org.xml.sax.SAXException;

/** The public API of the module: resources, context and schema. */
class Hi1SchemasTest {

  @Test
  void everySchemaFileIsOnTheClasspath() {
    Hi1Schemas.SCHEMA_FILES.forEach(name -> assertThat(Hi1Schemas.schema(name)).isNotNull());
    assertThat(Hi1Schemas.schema(Hi1Schemas.ENTRY_SCHEMA)).isNotNull();
    assertThat(Hi1Schemas.etsiDictionaries()).isNotNull();
    assertThat(Hi1Schemas.lexgateDictionaries()).isNotNull();
  }

  @Test
  void refusesNamesThatAreNotLexgateSchemas() {
    assertThatThrownBy(() -> Hi1Schemas.schema("../../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contextIsBuiltOnceOverEveryPackage() throws Exception {
    assertThat(Hi1Schemas.context()).isSameAs(Hi1Schemas.context());
    assertThat(Hi1Schemas.PACKAGES).hasSize(12).contains("org.lexgate.hi1.lexgate");
    String fragment = """
        <core:HI1Message xmlns:core="http://uri.etsi.org/03120/common/2019/10/Core"/>""";
    Object read = Hi1Schemas.context().createUnmarshaller()
        .unmarshal(new StreamSource(new StringReader(fragment)));
    assertThat(JAXBIntrospector.getValue(read)).isInstanceOf(HI1Message.class);
  }

  @Test
  void schemaFactoryFetchesNothingFromTheNetwork() {
    String remoteImport = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
          <xs:import namespace="urn:remote" schemaLocation="http://example.invalid/remote.xsd"/>
          <xs:element name="e" xmlns:r="urn:remote" type="r:T"/>
        </xs:schema>""";
    assertThatThrownBy(() -> Hi1Schemas.newSchemaFactory()
        .newSchema(new StreamSource(new StringReader(remoteImport))))
        .isInstanceOf(SAXException.class);
  }
}
