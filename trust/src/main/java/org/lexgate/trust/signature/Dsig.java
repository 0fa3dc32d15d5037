package org.lexgate.trust.signature;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.utils.Constants;
import org.apache.xml.security.utils.ElementProxy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** XML-signature names and small DOM helpers shared by the signer and the verifier. */
final class Dsig {

    static final String NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String EXC_C14N_NS = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private static volatile boolean initialised;

    private Dsig() {
    }

    /** Initialises Santuario once (idempotent) and makes it write the {@code ds:} prefix, as ETSI's example does. */
    static void init() {
        if (initialised) {
            return;
        }
        synchronized (Dsig.class) {
            if (!initialised) {
                Init.init();
                try {
                    ElementProxy.setDefaultPrefix(Constants.SignatureSpecNS, "ds");
                } catch (XMLSecurityException e) {
                    throw new IllegalStateException("cannot set the ds prefix", e);
                }
                initialised = true;
            }
        }
    }

    static boolean isDsig(Node node, String localName) {
        return node instanceof Element && NS.equals(node.getNamespaceURI()) && localName.equals(node.getLocalName());
    }

    /** The element children of {@code parent}; text that is not whitespace makes {@code textFound} true. */
    static List<Element> elementChildren(Element parent, boolean[] textFound) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            } else if ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !n.getNodeValue().isBlank() && textFound != null) {
                textFound[0] = true;
            }
        }
        return children;
    }

    static String name(Element e) {
        return e.getNamespaceURI() == null ? e.getLocalName() : "{" + e.getNamespaceURI() + "}" + e.getLocalName();
    }

    /** Serialises a DOM as it is: no indentation, UTF-8, an XML declaration without {@code standalone}. */
    static byte[] serialize(Document doc) throws TransformerException {
        doc.setXmlStandalone(true);
        return serialize(doc, false);
    }

    /** Serialises one node as it is, without an XML declaration. */
    static byte[] serializeFragment(Node node) throws TransformerException {
        return serialize(node, true);
    }

    private static byte[] serialize(Node node, boolean omitDeclaration) throws TransformerException {
        Serializers serializers = SERIALIZERS.get();
        Transformer transformer = omitDeclaration ? serializers.fragment : serializers.document;
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            transformer.transform(new DOMSource(node), new StreamResult(out));
        } catch (TransformerException | RuntimeException e) {
            SERIALIZERS.remove(); // never reuse a transformer that failed half-way
            throw e;
        }
        return out.toByteArray();
    }

    /**
     * This thread's two identity transformers (with and without an XML declaration). A transformer
     * is not thread-safe but may be reused; building one per call cost more than the serialisation.
     */
    private static final ThreadLocal<Serializers> SERIALIZERS = ThreadLocal.withInitial(Serializers::new);

    private static final class Serializers {
        final Transformer document = newTransformer(false);
        final Transformer fragment = newTransformer(true);

        private static Transformer newTransformer(boolean omitDeclaration) {
            try {
                TransformerFactory factory = TransformerFactory.newDefaultInstance();
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
                Transformer transformer = factory.newTransformer();
                transformer.setOutputProperty(OutputKeys.INDENT, "no");
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.setOutputProperty(OutputKeys.METHOD, "xml");
                transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, omitDeclaration ? "yes" : "no");
                return transformer;
            } catch (TransformerException e) {
                throw new IllegalStateException("JDK XML serialiser not configurable", e);
            }
        }
    }
}
