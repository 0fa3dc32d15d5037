package org.lexgate.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AdapterApiTest {

    @Test
    void objectIdentifierAcceptsOnlyLowerCaseUuids() {
        assertThat(ObjectIdentifier.of("2b36a78b-b628-416d-bd22-404e68a0cd36").value())
                .isEqualTo("2b36a78b-b628-416d-bd22-404e68a0cd36");
        for (String bad : List.of("2B36A78B-B628-416D-BD22-404E68A0CD36", "../../etc/passwd", "",
                "2b36a78b-b628-416d-bd22-404e68a0cd36/x", "2b36a78bb628416dbd22404e68a0cd36")) {
            assertThatThrownBy(() -> ObjectIdentifier.of(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThat(ObjectIdentifier.isValid(bad)).isFalse();
        }
    }

    @Test
    void refusalReasonsAreExactlyLexgatesDictionary() throws Exception {
        Path dictionaries = Path.of("../xsd/src/main/resources/org/lexgate/xsd/lexgate-dictionaries.xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(dictionaries.toFile());
        List<String> values = new ArrayList<>();
        NodeList dicts = doc.getElementsByTagNameNS("*", "Dictionary");
        for (int i = 0; i < dicts.getLength(); i++) {
            Element d = (Element) dicts.item(i);
            if (text(d, "Owner").equals(RefusalReason.DICTIONARY_OWNER) && text(d, "Name").equals(RefusalReason.DICTIONARY_NAME)) {
                NodeList entries = d.getElementsByTagNameNS("*", "DictionaryEntry");
                for (int j = 0; j < entries.getLength(); j++) {
                    values.add(text((Element) entries.item(j), "Value"));
                }
            }
        }
        assertThat(values).isNotEmpty();
        assertThat(List.of(RefusalReason.values())).extracting(RefusalReason::value).containsExactlyElementsOf(values);
        assertThat(RefusalReason.fromValue("DataNotHeld")).contains(RefusalReason.DATA_NOT_HELD);
        assertThat(RefusalReason.fromValue("datanotheld")).isEmpty();
    }

    private static String text(Element parent, String localName) {
        return parent.getElementsByTagNameNS("*", localName).item(0).getTextContent().strip();
    }

    @Test
    void eachRequestKindAcceptsItsAnswers() {
        ObjectIdentifier t = SampleRequests.newId();
        ProviderAnswer data = new DataAnswer(t, new byte[] {1}, "application/pdf", DataFormat.BINARY);
        ProviderAnswer exists = new DataExistenceAnswer(t, true, Optional.empty());
        ProviderAnswer refusal = new RefusalAnswer(t, RefusalReason.DATA_NOT_HELD, "No such account.");
        ProviderAnswer preserved = new PreservationConfirmed(t, Instant.parse("2026-01-01T00:00:00Z"), Optional.empty());
        assertThat(RequestKind.DISCLOSURE.accepts(data)).isTrue();
        assertThat(RequestKind.DISCLOSURE.accepts(exists)).isTrue();
        assertThat(RequestKind.DISCLOSURE.accepts(preserved)).isFalse();
        assertThat(RequestKind.PRESERVATION.accepts(preserved)).isTrue();
        assertThat(RequestKind.PRESERVATION_EXTENSION.accepts(data)).isFalse();
        assertThat(RequestKind.CANCELLATION.accepts(refusal)).isTrue();
        assertThat(RequestKind.PRESERVATION_RELEASE.accepts(preserved)).isFalse();
        assertThat(RequestKind.PRESERVATION_EXTENSION.slug()).isEqualTo("preservation-extension");
    }

    @Test
    void aRefusalWithoutExplanationIsRefused() {
        ObjectIdentifier t = SampleRequests.newId();
        assertThatThrownBy(() -> new RefusalAnswer(t, RefusalReason.OTHER, "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§57");
        assertThatThrownBy(() -> new RefusalAnswer(t, RefusalReason.OTHER, "x".repeat(ProviderAnswer.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestBytesAreCopiedInAndOut() {
        ObjectIdentifier t = SampleRequests.newId();
        byte[] bytes = SampleRequests.signedXml(t);
        ProviderRequest r = SampleRequests.disclosure(t).signedRequest(bytes).build();
        bytes[0] = 'X';
        r.signedRequest()[1] = 'Y';
        assertThat(r.signedRequest()).isEqualTo(SampleRequests.signedXml(t));
        assertThat(r).isEqualTo(SampleRequests.disclosure(t).signedRequest(SampleRequests.signedXml(t))
                .caseReference(r.caseReference()).build());
        assertThat(r.urgent()).isTrue();
    }

    @Test
    void aRequestWithoutItsRequiredValuesIsNotBuilt() {
        assertThatThrownBy(() -> ProviderRequest.builder().build()).isInstanceOf(NullPointerException.class);
        ObjectIdentifier t = SampleRequests.newId();
        assertThatThrownBy(() -> SampleRequests.disclosure(t).signedRequest(new byte[0]).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeWindow.of(Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFileDropFactoryIsFoundByType() throws Exception {
        assertThat(AdapterFactory.forType("filedrop").type()).isEqualTo("filedrop");
        assertThatThrownBy(() -> AdapterFactory.forType("domibus")).isInstanceOf(PermanentAdapterException.class);
        assertThatThrownBy(() -> AdapterFactory.forType("filedrop").create(Map.of("directroy", "/tmp/x")))
                .isInstanceOf(PermanentAdapterException.class).hasMessageContaining("unknown key 'directroy'");
        assertThatThrownBy(() -> AdapterFactory.forType("filedrop").create(Map.of()))
                .isInstanceOf(PermanentAdapterException.class).hasMessageContaining("directory");
        assertThatThrownBy(() -> AdapterFactory.forType("filedrop").create(Map.of("directory", "/tmp/x", "poll-interval", "soon")))
                .isInstanceOf(PermanentAdapterException.class).hasMessageContaining("poll-interval");
    }

    @Test
    void exceptionsSayWhetherToRetry() {
        assertThat(new TransientAdapterException("down").retryable()).isTrue();
        assertThat(new PermanentAdapterException("never").retryable()).isFalse();
    }
}
