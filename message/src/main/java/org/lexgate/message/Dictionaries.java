package org.lexgate.message;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lexgate.message.xml.HardenedXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Dictionaries in the ETSI TS 103 120 Dictionaries format ({@code Owner}, {@code Name}, entries
 * with a {@code Value}), indexed for lookup. Immutable and thread-safe.
 */
public final class Dictionaries {

    private static final Dictionaries EMPTY = new Dictionaries(Map.of());

    private final Map<String, Map<String, Set<String>>> byOwner;

    private Dictionaries(Map<String, Map<String, Set<String>>> byOwner) {
        this.byOwner = byOwner;
    }

    public static Dictionaries empty() {
        return EMPTY;
    }

    /** Reads dictionary files (trusted resources shipped with lexgate or configured by the operator). */
    public static Dictionaries load(URL... files) {
        Map<String, Map<String, Set<String>>> all = new HashMap<>();
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                Document document = HardenedXml.parse(in.readAllBytes());
                collect(document.getDocumentElement(), all);
            } catch (IOException | MessageRejectedException e) {
                throw new IllegalStateException("cannot read dictionaries " + file + ": " + e.getMessage(), e);
            }
        }
        return freeze(all);
    }

    /** The dictionaries:Dictionary elements under (and including) this element. */
    static Dictionaries collect(Element root) {
        Map<String, Map<String, Set<String>>> all = new HashMap<>();
        collect(root, all);
        return freeze(all);
    }

    public boolean owns(String owner) {
        return byOwner.containsKey(owner);
    }

    public Set<String> owners() {
        return byOwner.keySet();
    }

    /** The values of dictionary {@code name} of {@code owner}, if there is such a dictionary. */
    public Optional<Set<String>> values(String owner, String name) {
        return Optional.ofNullable(byOwner.getOrDefault(owner, Map.of()).get(name));
    }

    /** This set and the other's, entries of the same dictionary merged. */
    public Dictionaries plus(Dictionaries other) {
        Map<String, Map<String, Set<String>>> all = new HashMap<>();
        for (Dictionaries d : new Dictionaries[] {this, other}) {
            d.byOwner.forEach((owner, names) -> names.forEach((name, values) ->
                    all.computeIfAbsent(owner, o -> new HashMap<>()).computeIfAbsent(name, n -> new HashSet<>()).addAll(values)));
        }
        return freeze(all);
    }

    private static void collect(Element element, Map<String, Map<String, Set<String>>> into) {
        if (Hi1Namespaces.DICTIONARIES.equals(element.getNamespaceURI()) && "Dictionary".equals(element.getLocalName())) {
            String owner = childText(element, "Owner");
            String name = childText(element, "Name");
            Set<String> values = into.computeIfAbsent(owner, o -> new HashMap<>()).computeIfAbsent(name, n -> new HashSet<>());
            Element entries = child(element, "DictionaryEntries");
            for (Node n = entries == null ? null : entries.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element entry && "DictionaryEntry".equals(entry.getLocalName())) {
                    values.add(childText(entry, "Value"));
                }
            }
            return;
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collect(child, into);
            }
        }
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && Hi1Namespaces.DICTIONARIES.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String localName) {
        Element child = child(parent, localName);
        return child == null ? "" : child.getTextContent().strip();
    }

    private static Dictionaries freeze(Map<String, Map<String, Set<String>>> all) {
        Map<String, Map<String, Set<String>>> frozen = new HashMap<>();
        all.forEach((owner, names) -> {
            Map<String, Set<String>> n = new HashMap<>();
            names.forEach((name, values) -> n.put(name, Set.copyOf(values)));
            frozen.put(owner, Map.copyOf(n));
        });
        return new Dictionaries(Map.copyOf(frozen));
    }
}
