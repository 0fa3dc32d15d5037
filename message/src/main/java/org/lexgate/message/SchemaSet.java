package org.lexgate.message;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * A set of local schema documents compiled once into a thread-safe {@link Schema}, plus the names
 * of the types they declare (for the xsi:type screen).
 *
 * <p>Nothing is ever fetched: every import must resolve to a document of the set, either by its
 * relative {@code schemaLocation} or by its namespace; anything else stops the compilation. A DTD
 * that a schema document names (the W3C signature schema does) is replaced by an empty one.
 */
public final class SchemaSet {

    private static final String XML_DTD_TYPE = "http://www.w3.org/TR/REC-xml";

    private final Schema schema;
    private final Set<String> declaredTypes;
    private final boolean base64CheckedByLexicalForm;

    private SchemaSet(Schema schema, Set<String> declaredTypes, boolean base64CheckedByLexicalForm) {
        this.schema = schema;
        this.declaredTypes = Set.copyOf(declaredTypes);
        this.base64CheckedByLexicalForm = base64CheckedByLexicalForm;
    }

    /** Compiles the given local schema documents (file: or jar: URLs, trusted, shipped with lexgate). */
    public static SchemaSet compile(List<URL> documents) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no schema documents");
        }
        Map<String, URL> byLocation = new HashMap<>();
        Map<String, URL> byNamespace = new HashMap<>();
        Set<String> declaredTypes = new HashSet<>();
        List<Source> sources = new ArrayList<>();
        boolean valueConstraints = false;
        for (URL url : documents) {
            requireLocal(url);
            Document schemaDocument = readTrusted(url);
            String namespace = schemaDocument.getDocumentElement().getAttribute("targetNamespace");
            byLocation.put(normalise(url.toString()), url);
            byNamespace.putIfAbsent(namespace, url);
            collectTypes(schemaDocument, namespace, declaredTypes);
            valueConstraints |= hasValueConstraints(schemaDocument);
            sources.add(new StreamSource(url.toString()));
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setResourceResolver(new LocalResolver(byLocation, byNamespace));
            factory.setErrorHandler(null);
            return new SchemaSet(factory.newSchema(sources.toArray(Source[]::new)), declaredTypes, !valueConstraints);
        } catch (SAXException e) {
            throw new IllegalStateException("lexgate schemas do not compile: " + e.getMessage(), e);
        }
    }

    public Schema schema() {
        return schema;
    }

    /** Every top-level type of the set, as {@code "{namespace}localName"}. */
    public Set<String> declaredTypes() {
        return declaredTypes;
    }

    /**
     * True when the validity of an element of type {@code xs:base64Binary} (the built-in type itself,
     * not a restriction of it) depends on its lexical form alone: no element declaration of the set
     * has a value constraint ({@code fixed} or {@code default}) and the set has no identity
     * constraint ({@code key}, {@code unique}, {@code keyref}), which would compare the value. The
     * built-in type has no facet but {@code whiteSpace="collapse"}, so nothing else looks at the value.
     * The schema check then checks a large such value itself and shows the validator a short one.
     */
    boolean base64CheckedByLexicalForm() {
        return base64CheckedByLexicalForm;
    }

    private static boolean hasValueConstraints(Document schemaDocument) {
        for (String name : new String[] {"key", "unique", "keyref"}) {
            if (schemaDocument.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, name).getLength() > 0) {
                return true;
            }
        }
        NodeList elements = schemaDocument.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
        for (int i = 0; i < elements.getLength(); i++) {
            Element e = (Element) elements.item(i);
            if (e.hasAttribute("fixed") || e.hasAttribute("default")) {
                return true;
            }
        }
        return false;
    }

    private static void collectTypes(Document schemaDocument, String namespace, Set<String> into) {
        for (Node n = schemaDocument.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(e.getNamespaceURI())
                    && ("complexType".equals(e.getLocalName()) || "simpleType".equals(e.getLocalName()))) {
                into.add("{" + namespace + "}" + e.getAttribute("name"));
            }
        }
    }

    private static Document readTrusted(URL url) {
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(in, url.toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read schema " + url + ": " + e.getMessage(), e);
        }
    }

    private static void requireLocal(URL url) {
        if (!"file".equals(url.getProtocol()) && !"jar".equals(url.getProtocol())) {
            throw new IllegalArgumentException("schemas are read from local files or jars only: " + url);
        }
    }

    private static String normalise(String location) {
        try {
            return new URI(location).normalize().toString();
        } catch (URISyntaxException e) {
            return location;
        }
    }

    /** Resolves imports inside the set only; refuses everything else. */
    private static final class LocalResolver implements LSResourceResolver {
        private final Map<String, URL> byLocation;
        private final Map<String, URL> byNamespace;
        private final DOMImplementationLS ls;

        LocalResolver(Map<String, URL> byLocation, Map<String, URL> byNamespace) {
            this.byLocation = byLocation;
            this.byNamespace = byNamespace;
            try {
                this.ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            LSInput input = ls.createLSInput();
            if (XML_DTD_TYPE.equals(type)) {
                input.setByteStream(new java.io.ByteArrayInputStream(new byte[0])); // never the real DTD
                input.setSystemId(systemId);
                return input;
            }
            URL target = null;
            if (systemId != null) {
                String resolved = baseUri == null ? systemId : resolve(baseUri, systemId);
                target = byLocation.get(normalise(resolved));
            }
            if (target == null && namespace != null) {
                target = byNamespace.get(namespace);
            }
            if (target == null) {
                throw new IllegalStateException("schema import outside the local set: namespace " + namespace
                        + ", location " + systemId);
            }
            try {
                input.setByteStream(target.openStream());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read schema " + target, e);
            }
            input.setSystemId(target.toString());
            input.setBaseURI(target.toString());
            return input;
        }

        private static String resolve(String base, String relative) {
            try {
                if (base.startsWith("jar:")) {
                    int bang = base.indexOf("!/");
                    String inner = new URI(base.substring(bang + 1)).resolve(relative).toString();
                    return base.substring(0, bang + 1) + inner;
                }
                return new URI(base).resolve(relative).toString();
            } catch (URISyntaxException e) {
                return relative;
            }
        }
    }
}
