package org.lexgate.trust.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lexgate.message.xml.LocatedXmlReader;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small helpers to read the directory DOM in its own namespace. */
final class Dom {

    static final String NS = PartyDirectory.NAMESPACE;

    private Dom() {
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The trimmed text of a child element, empty when absent or blank. */
    static Optional<String> childText(Element parent, String localName) {
        return child(parent, localName).map(Element::getTextContent).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The whitespace-separated items of a child element (an xs:list), empty when absent. */
    static List<String> childList(Element parent, String localName) {
        return childText(parent, localName).map(s -> Arrays.asList(s.split("\\s+"))).orElse(List.of());
    }

    static Optional<String> attribute(Element element, String name) {
        return element.hasAttribute(name) ? Optional.of(element.getAttribute(name).strip()) : Optional.empty();
    }

    static int line(Element element) {
        return LocatedXmlReader.line(element);
    }
}
