package org.lexgate.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemas compile from local documents only: an import that would reach the network stops compilation. */
class SchemaSetTest {

    @TempDir
    Path dir;

    @Test
    void importFromTheNetworkIsRefusedInsteadOfFetched() throws Exception {
        Path schema = Files.writeString(dir.resolve("a.xsd"), "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                + "targetNamespace=\"urn:a\"><xs:import namespace=\"urn:b\" schemaLocation=\"http://attacker.example/b.xsd\"/>"
                + "<xs:element name=\"a\" type=\"xs:string\"/></xs:schema>");
        assertThatThrownBy(() -> SchemaSet.compile(List.of(schema.toUri().toURL())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the local set");
    }

    @Test
    void schemaFromTheNetworkIsRefused() {
        assertThatThrownBy(() -> SchemaSet.compile(List.of(new java.net.URL("http://attacker.example/a.xsd"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lexgateProfileDeclaresTheSupportedObjectsOnly() {
        SchemaSet lexgate = SchemaSet.compile(org.lexgate.xsd.Hi1Schemas.SCHEMA_FILES.stream()
                .map(org.lexgate.xsd.Hi1Schemas::schema).toList());
        assertThat(lexgate.declaredTypes()).contains("{" + Hi1Namespaces.TASK + "}LDTaskObject",
                "{" + Hi1Namespaces.TASK + "}LPTaskObject", "{" + Hi1Namespaces.AUTHORISATION + "}AuthorisationObject");
        assertThat(lexgate.declaredTypes()).doesNotContain("{" + Hi1Namespaces.TASK + "}LITaskObject");
    }
}
