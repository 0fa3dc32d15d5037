package org.lexgate.message;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.transform.dom.DOMResult;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import org.glassfish.jaxb.runtime.v2.runtime.unmarshaller.UnmarshallerImpl;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.ObjectFactory;
import org.lexgate.message.xml.HardenedXml;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * JAXB binding between the checked DOM and the typed {@link HI1Message}. Unmarshalling is strict:
 * any binding event fails it. Marshalling writes the namespace prefixes ETSI's examples use, all
 * declared on the root, with the Core namespace as default namespace.
 */
final class Hi1Binding {

    private static final String PREFIX_MAPPER = "org.glassfish.jaxb.namespacePrefixMapper";
    private static final ObjectFactory CORE = new ObjectFactory();

    private final JAXBContext context;
    private final Map<String, String> prefixes;

    Hi1Binding(JAXBContext context, Map<String, String> prefixes) {
        this.context = context;
        this.prefixes = prefixes;
    }

    /**
     * A new unmarshaller per call, on purpose: a reused one keeps the last message it bound
     * (a delivery of megabytes, per thread) until its next use, and building one is cheap. With the
     * JAXB runtime lexgate ships, the DOM is fed by {@link DomToJaxb}, which passes each text
     * without copying it.
     */
    HI1Message unmarshal(Document document) throws MessageRejectedException {
        try {
            Unmarshaller unmarshaller = context.createUnmarshaller();
            unmarshaller.setEventHandler(event -> false);
            JAXBElement<HI1Message> element = unmarshaller instanceof UnmarshallerImpl runtime
                    ? DomToJaxb.unmarshal(runtime, document, HI1Message.class)
                    : unmarshaller.unmarshal(document, HI1Message.class);
            return element.getValue();
        } catch (JAXBException | SAXException | RuntimeException e) {
            throw new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED,
                    "binding failed after validation: " + e, e);
        }
    }

    byte[] marshal(HI1Message message) throws MessageRejectedException {
        try {
            Marshaller marshaller = marshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(CORE.createHI1Message(message), out);
            return out.toByteArray();
        } catch (JAXBException | RuntimeException e) {
            throw new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED, "cannot write message: " + e, e);
        }
    }

    /**
     * Marshals a message straight into a new DOM, with the same prefixes as {@link #marshal}, all
     * declared by {@code xmlns} attributes of the root (the DOM is namespace-complete: serialised as
     * it is, it says what it holds). No whitespace is added between elements.
     */
    Document marshalDocument(HI1Message message) throws MessageRejectedException {
        try {
            Document document = HardenedXml.newDocument();
            marshaller().marshal(CORE.createHI1Message(message), new DOMResult(document));
            return document;
        } catch (JAXBException | RuntimeException e) {
            throw new MessageRejectedException(ErrorCode.SCHEMA_VALIDATION_FAILED, "cannot write message: " + e, e);
        }
    }

    private Marshaller marshaller() throws JAXBException {
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
        marshaller.setProperty(PREFIX_MAPPER, new EtsiPrefixes(prefixes));
        marshaller.setEventHandler(event -> false);
        return marshaller;
    }

    private static final class EtsiPrefixes extends NamespacePrefixMapper {
        private final Map<String, String> prefixes;

        EtsiPrefixes(Map<String, String> prefixes) {
            this.prefixes = prefixes;
        }

        @Override
        public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
            if (Hi1Namespaces.CORE.equals(namespaceUri) && !requirePrefix) {
                return "";
            }
            return prefixes.getOrDefault(namespaceUri, suggestion);
        }

        @Override
        public String[] getPreDeclaredNamespaceUris() {
            return prefixes.keySet().stream().filter(uri -> !Hi1Namespaces.CORE.equals(uri)).sorted().toArray(String[]::new);
        }
    }
}
