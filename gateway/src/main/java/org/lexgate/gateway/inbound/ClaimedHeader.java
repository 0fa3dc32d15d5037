package org.lexgate.gateway.inbound;

import java.util.Optional;
import java.util.regex.Pattern;
import org.lexgate.hi1.core.EndpointID;
import org.lexgate.hi1.core.MessageHeader;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a refused message claims in its header — sender and TransactionIdentifier, read from the
 * parsed but unverified DOM — used only to address the refusal and to file it in the audit trail,
 * never to decide anything. Values that do not have the ETSI form are left out.
 */
final class ClaimedHeader {

    private static final String CORE = "http://uri.etsi.org/03120/common/2019/10/Core";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern UUID = Pattern.compile("[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}");
    private static final Pattern ID = Pattern.compile("[\\p{Alnum}._:-]{1,100}");

    private ClaimedHeader() {
    }

    /** The header of the bound message if there is one, else what the DOM claims. */
    static Optional<MessageHeader> of(InboundState state) {
        if (state.message != null) {
            return Optional.of(state.message.getHeader());
        }
        if (state.parsed == null) {
            return Optional.empty();
        }
        Element root = state.parsed.getDocumentElement();
        Optional<Element> header = child(root, "Header");
        Optional<Element> sender = header.flatMap(h -> child(h, "SenderIdentifier"));
        Optional<String> country = sender.flatMap(s -> child(s, "CountryCode")).map(ClaimedHeader::text)
                .filter(c -> COUNTRY.matcher(c).matches());
        Optional<String> unique = sender.flatMap(s -> child(s, "UniqueIdentifier")).map(ClaimedHeader::text)
                .filter(u -> ID.matcher(u).matches());
        Optional<String> transaction = header.flatMap(h -> child(h, "TransactionIdentifier")).map(ClaimedHeader::text)
                .filter(t -> UUID.matcher(t).matches());
        if (country.isEmpty() || unique.isEmpty() || transaction.isEmpty()) {
            return Optional.empty();
        }
        MessageHeader claimed = new MessageHeader();
        EndpointID id = new EndpointID();
        id.setCountryCode(country.get());
        id.setUniqueIdentifier(unique.get());
        claimed.setSenderIdentifier(id);
        claimed.setTransactionIdentifier(transaction.get());
        return Optional.of(claimed);
    }


    private static Optional<Element> child(Element parent, String name) {
        if (parent == null) {
            return Optional.empty();
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CORE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }
}
