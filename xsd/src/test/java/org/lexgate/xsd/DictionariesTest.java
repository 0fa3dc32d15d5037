package org.lexgate.xsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.lexgate.hi1.dictionaries.Dictionaries;
import org.lexgate.hi1.dictionaries.Dictionary;
import org.lexgate.hi1.dictionaries.DictionaryEntry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** lexgate's two dictionary files: valid, complete, and enough for every value in use. */
class DictionariesTest {

  private static final String COMMON = "http://uri.etsi.org/03120/common/2016/02/Common";

  @Test
  void bothFilesValidateAgainstTheDictionariesSchema() throws Exception {
    for (URL url : List.of(Hi1Schemas.etsiDictionaries(), Hi1Schemas.lexgateDictionaries())) {
      try (InputStream in = url.openStream()) {
        Hi1Schemas.validationSchema().newValidator().validate(new StreamSource(in));
      }
    }
  }

  @Test
  void lexgateDictionaryHasTheGuidelineValues() throws Exception {
    Map<String, Set<String>> lexgate = load(Hi1Schemas.lexgateDictionaries(), "lexgate");
    assertThat(lexgate.get("RefusalReason")).contains("Incomplete", "ManifestErrors",
        "InsufficientInformation", "DataNotHeld", "DeFactoImpossibility",
        "InvalidIssuingAuthority", "OffenceNotCovered", "ServiceNotCovered",
        "ImmunitiesOrPrivileges", "ConflictOfLaw");
    assertThat(lexgate.get("LegalBasis")).contains("BudapestArt29Preservation",
        "BudapestArt30PartialDisclosure", "BudapestArt35Assistance",
        "SecondProtocolArt7SubscriberInformation", "EUProductionOrder", "EUPreservationOrder",
        "DomesticOrder", "MLARequest");
    assertThat(lexgate.get("DataCategory")).contains("SubscriberData", "TrafficData",
        "ContentData", "AccessLogs");
    assertThat(lexgate.get("CrossBorderMode")).containsExactlyInAnyOrder(
        "Forward", "GiveEffect", "Direct");
    assertThat(lexgate).containsKeys("CostStatus", "AuthorityKind", "DocumentType",
        "NotificationType", "NatureOfDeadline");
  }

  @Test
  void everyEtsiValueInTheSupportedExamplesIsKnown() throws Exception {
    Map<String, Set<String>> etsi = load(Hi1Schemas.etsiDictionaries(), "ETSI");
    for (Path file : EtsiReference.examples()) {
      Document doc = EtsiReference.parse(file);
      if (EtsiReference.usesOnlySupportedObjects(doc)) {
        assertEntriesKnown(doc, "ETSI", etsi, file.getFileName().toString());
      }
    }
  }

  @Test
  void everyLexgateValueInTheSampleIsKnown() throws Exception {
    Map<String, Set<String>> lexgate = load(Hi1Schemas.lexgateDictionaries(), "lexgate");
    Path sample = Path.of(getClass().getClassLoader()
        .getResource("org/lexgate/xsd/lexgate-extensions-sample.xml").toURI());
    assertEntriesKnown(EtsiReference.parse(sample), "lexgate", lexgate, "sample");
  }

  @Test
  void etsiFileHoldsEveryOfficialValueOfTheDictionariesItKeeps() throws Exception {
    Map<String, Set<String>> ours = load(Hi1Schemas.etsiDictionaries(), "ETSI");
    URL official = EtsiReference.dir()
        .resolve("v1.23.1/dictionaries/ts_103120_ETSIDictionaryDefinitions.xml").toUri().toURL();
    Map<String, Set<String>> theirs = load(official, "ETSI");
    ours.forEach((name, values) ->
        assertThat(values).as(name).containsAll(theirs.get(name)));
    assertThat(ours).doesNotContainKeys("TaskStatus", "TrafficAction", "TDTaskStatus", "IRIEvents");
  }

  private static void assertEntriesKnown(
      Document doc, String owner, Map<String, Set<String>> known, String where) {
    NodeList owners = doc.getElementsByTagNameNS(COMMON, "Owner");
    for (int i = 0; i < owners.getLength(); i++) {
      Element o = (Element) owners.item(i);
      if (!o.getTextContent().equals(owner)) {
        continue;
      }
      Element name = next(o);
      Element value = next(name);
      assertThat(known.getOrDefault(name.getTextContent(), Set.of()))
          .as(where + ": " + owner + "/" + name.getTextContent())
          .contains(value.getTextContent());
    }
  }

  private static Element next(Element e) {
    var n = e.getNextSibling();
    while (!(n instanceof Element)) {
      n = n.getNextSibling();
    }
    return (Element) n;
  }

  private static Map<String, Set<String>> load(URL url, String owner) throws Exception {
    Dictionaries dictionaries;
    try (InputStream in = url.openStream()) {
      dictionaries = Hi1Schemas.context().createUnmarshaller()
          .unmarshal(new StreamSource(in), Dictionaries.class).getValue();
    }
    Map<String, Set<String>> out = new HashMap<>();
    for (Dictionary d : dictionaries.getDictionary()) {
      assertThat(d.getOwner()).isEqualTo(owner);
      Set<String> values = out.computeIfAbsent(d.getName(), k -> new HashSet<>());
      for (DictionaryEntry e : d.getDictionaryEntries().getDictionaryEntry()) {
        assertThat(values.add(e.getValue())).as("duplicate " + d.getName() + "/" + e.getValue())
            .isTrue();
      }
    }
    return out;
  }
}
