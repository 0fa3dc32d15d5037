package org.lexgate.message;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks every {@code common:DictionaryEntry} (any element whose content is {@code common:Owner},
 * {@code common:Name}, {@code common:Value} — the schema has already confirmed the structure)
 * against the dictionaries, failing closed:
 *
 * <ol>
 *   <li><b>Authoritative owners</b> (those whose dictionaries the node loaded: "ETSI", "lexgate"):
 *       the named dictionary must exist and contain the value.</li>
 *   <li><b>The two parties of the message</b> (an owner equal to the header's sender or receiver
 *       UniqueIdentifier): TS 103 120 lets a party publish its own dictionaries, e.g. in its
 *       GETCSPCONFIG response, or agree them beforehand. The value is checked against such a
 *       dictionary when the message itself defines it or the node has registered it; a party
 *       dictionary the node does not know is accepted unless the policy is strict.</li>
 *   <li><b>Any other owner</b> is refused (3010 InvalidDictionaryValue).</li>
 * </ol>
 * Content of {@code delivery:XMLData} (a provider's own data) is not examined.
 */
final class DictionaryCheck {

    private final Dictionaries authoritative;
    private final Dictionaries parties;
    private final boolean strictPartyDictionaries;

    DictionaryCheck(Dictionaries authoritative, Dictionaries parties, boolean strictPartyDictionaries) {
        this.authoritative = authoritative;
        this.parties = parties;
        this.strictPartyDictionaries = strictPartyDictionaries;
    }

    void check(Document document) throws MessageRejectedException {
        Element root = document.getDocumentElement();
        Set<String> headerParties = headerParties(root);
        Dictionaries inMessage = Dictionaries.collect(root);
        walk(root, headerParties, inMessage);
    }

    private void walk(Element element, Set<String> headerParties, Dictionaries inMessage) throws MessageRejectedException {
        if (Hi1Namespaces.DELIVERY.equals(element.getNamespaceURI()) && "XMLData".equals(element.getLocalName())) {
            return;
        }
        Element owner = firstElement(element);
        if (isCommon(owner, "Owner")) {
            Element name = nextElement(owner);
            Element value = nextElement(name);
            if (isCommon(name, "Name") && isCommon(value, "Value")) {
                checkEntry(element, owner.getTextContent().strip(), name.getTextContent().strip(),
                        value.getTextContent().strip(), headerParties, inMessage);
                return;
            }
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                walk(child, headerParties, inMessage);
            }
        }
    }

    private void checkEntry(Element entry, String owner, String name, String value, Set<String> headerParties,
                            Dictionaries inMessage) throws MessageRejectedException {
        String where = entry.getLocalName() + " {" + owner + "}" + name + "=" + value;
        if (authoritative.owns(owner)) {
            require(authoritative.values(owner, name), value, where);
            return;
        }
        if (headerParties.contains(owner)) {
            Optional<Set<String>> known = inMessage.values(owner, name).or(() -> parties.values(owner, name));
            if (known.isPresent()) {
                require(known, value, where);
            } else if (strictPartyDictionaries) {
                throw new MessageRejectedException(ErrorCode.INVALID_DICTIONARY_VALUE,
                        "party dictionary not registered: " + where);
            }
            return;
        }
        throw new MessageRejectedException(ErrorCode.INVALID_DICTIONARY_VALUE, "dictionary owner not accepted: " + where);
    }

    private static void require(Optional<Set<String>> values, String value, String where) throws MessageRejectedException {
        if (values.isEmpty()) {
            throw new MessageRejectedException(ErrorCode.INVALID_DICTIONARY_VALUE, "no such dictionary: " + where);
        }
        if (!values.get().contains(value)) {
            throw new MessageRejectedException(ErrorCode.INVALID_DICTIONARY_VALUE, "value not in dictionary: " + where);
        }
    }

    private static Set<String> headerParties(Element root) {
        Set<String> result = new HashSet<>();
        Element header = firstElement(root);
        if (header != null && "Header".equals(header.getLocalName())) {
            for (Element e = firstElement(header); e != null; e = nextElement(e)) {
                if ("SenderIdentifier".equals(e.getLocalName()) || "ReceiverIdentifier".equals(e.getLocalName())) {
                    for (Element id = firstElement(e); id != null; id = nextElement(id)) {
                        if ("UniqueIdentifier".equals(id.getLocalName())) {
                            result.add(id.getTextContent().strip());
                        }
                    }
                }
            }
        }
        return result;
    }

    private static boolean isCommon(Element e, String localName) {
        return e != null && Hi1Namespaces.COMMON.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static Element nextElement(Element from) {
        if (from == null) {
            return null;
        }
        for (Node n = from.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
