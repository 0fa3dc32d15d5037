package org.lexgate.xsd;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A prefix-independent outline of an XML tree, for "similar document" checks: each element as
 * {namespace}name, its xsi:type resolved to {namespace}name, its other attributes, and the
 * whitespace-normalised text of leaf elements. Comments and indentation are ignored.
 */
final class XmlShape {

  private XmlShape() {}

  static List<String> of(Element root) {
    List<String> out = new ArrayList<>();
    walk(root, out);
    return out;
  }

  private static void walk(Element e, List<String> out) {
    StringBuilder line = new StringBuilder("<{").append(nullToEmpty(e.getNamespaceURI()))
        .append('}').append(e.getLocalName());
    TreeSet<String> attributes = new TreeSet<>();
    NamedNodeMap map = e.getAttributes();
    for (int i = 0; i < map.getLength(); i++) {
      Attr a = (Attr) map.item(i);
      String ns = nullToEmpty(a.getNamespaceURI());
      if (ns.equals(XMLConstants.XMLNS_ATTRIBUTE_NS_URI)) {
        continue;
      }
      String value = a.getValue();
      if (ns.equals(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI) && a.getLocalName().equals("type")) {
        int colon = value.indexOf(':');
        String prefix = colon < 0 ? null : value.substring(0, colon);
        value = "{" + e.lookupNamespaceURI(prefix) + "}" + value.substring(colon + 1);
      }
      attributes.add("{" + ns + "}" + a.getLocalName() + "=" + value);
    }
    attributes.forEach(a -> line.append(' ').append(a));
    out.add(line.toString());
    boolean leaf = true;
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        leaf = false;
        walk(child, out);
      }
    }
    if (leaf) {
      out.add("=" + e.getTextContent().strip().replaceAll("\\s+", " "));
    }
    out.add(">");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
