package org.lexgate.trust.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Where the new signature goes and how it looks: after the root's last child element, indented like
 * the rest of the document (as in ETSI's example), and — when the input was UTF-8 bytes — spliced
 * into those bytes so that signing adds the signature and changes nothing else.
 */
final class SignatureLayout {

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern PLAIN_INDENT = Pattern.compile("\n[ \t]*");

    /** The whitespace written before the signature, or null when the document is not indented. */
    final String indent;
    /** True when the signature was placed before the whitespace that ends the root element. */
    final boolean beforeTrailingWhitespace;
    /** That whitespace as the DOM holds it (line ends normalised), or null. */
    private final String trailingWhitespace;

    private SignatureLayout(String indent, String trailingWhitespace) {
        this.indent = indent;
        this.beforeTrailingWhitespace = trailingWhitespace != null;
        this.trailingWhitespace = trailingWhitespace;
    }

    /** Appends the signature as the root's last child element (before signing: every text node around it is then signed). */
    static SignatureLayout append(Element root, Element signature) {
        Node last = root.getLastChild();
        boolean trailingWhitespace = last != null && last.getNodeType() == Node.TEXT_NODE && last.getNodeValue().isBlank();
        if (!trailingWhitespace) {
            root.appendChild(signature);
            return new SignatureLayout(null, null);
        }
        String indent = "\n";
        for (Node n = last.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element) {
                Node before = n.getPreviousSibling();
                if (before != null && before.getNodeType() == Node.TEXT_NODE
                        && PLAIN_INDENT.matcher(before.getNodeValue()).matches()) {
                    indent = before.getNodeValue();
                }
                break;
            }
        }
        root.insertBefore(root.getOwnerDocument().createTextNode(indent), last);
        root.insertBefore(signature, last);
        return new SignatureLayout(indent, last.getNodeValue());
    }

    /**
     * Replaces the whitespace inside the (not yet signed) signature: none for a compact document,
     * otherwise one element per line, indented one step deeper per level.
     */
    void indentSignature(Element signature) {
        removeWhitespace(signature);
        if (indent == null) {
            return;
        }
        String base = indent.substring(indent.lastIndexOf('\n') + 1);
        String step = base.isEmpty() ? "    " : base.startsWith("\t") ? "\t" : "    ";
        addIndentation(signature, indent, step);
    }

    private static void removeWhitespace(Element element) {
        List<Node> blank = new ArrayList<>();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE && child.getNodeValue().isBlank()) {
                blank.add(child);
            } else if (child instanceof Element e) {
                removeWhitespace(e);
            }
        }
        blank.forEach(element::removeChild);
    }

    private static void addIndentation(Element element, String indent, String step) {
        List<Element> elements = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        if (elements.isEmpty()) {
            return;
        }
        Document doc = element.getOwnerDocument();
        String inner = indent + step;
        for (Element child : elements) {
            element.insertBefore(doc.createTextNode(inner), child);
            addIndentation(child, inner, step);
        }
        element.appendChild(doc.createTextNode(indent));
    }

    /**
     * The original bytes with {@code insertion} (the indent and the serialised signature) placed
     * where {@link #append} put the signature in the DOM; empty when the input is not UTF-8, does
     * not end plainly with the root's end tag, or when the bytes before that end tag are not exactly
     * the whitespace the DOM holds there (the caller then serialises the whole DOM).
     *
     * <p>Why the result parses to the DOM that was signed: the DOM was parsed from
     * {@code original}; the insertion goes between two complete nodes at the end of the root — just
     * before its end tag, or, when the root ends with whitespace, just before the run of literal
     * whitespace bytes that precedes the end tag, and only when that run, with line ends normalised
     * as a parser does, is the whole of the DOM's last text node (so no character reference or
     * other text belongs to it). Parsing the result therefore gives the original tree with the
     * indent text and the ds:Signature element in the very place {@link #append} put them.
     * {@code signatureBytes} must be the signature element serialised with its own namespace
     * declarations ({@link Dsig#serializeFragment}).
     */
    Optional<byte[]> splice(byte[] original, Document doc, byte[] signatureBytes) {
        if (!isUtf8(original)) {
            return Optional.empty();
        }
        int end = original.length;
        while (end > 0 && isWhitespace(original[end - 1])) {
            end--;
        }
        if (end == 0 || original[end - 1] != '>') {
            return Optional.empty();
        }
        byte[] tag = ("</" + doc.getDocumentElement().getTagName()).getBytes(StandardCharsets.UTF_8);
        int at = lastIndexOf(original, tag, end);
        if (at < 0) {
            return Optional.empty();
        }
        for (int i = at + tag.length; i < end - 1; i++) {
            if (!isWhitespace(original[i])) {
                return Optional.empty();
            }
        }
        int insertAt = at;
        if (beforeTrailingWhitespace) {
            while (insertAt > 0 && isWhitespace(original[insertAt - 1])) {
                insertAt--;
            }
            if (!trailingWhitespace.equals(normaliseLineEnds(original, insertAt, at))) {
                return Optional.empty(); // e.g. a character reference in the trailing whitespace
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + signatureBytes.length + 64);
        out.write(original, 0, insertAt);
        if (indent != null) {
            out.writeBytes(indent.getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(signatureBytes);
        out.write(original, insertAt, original.length - insertAt);
        return Optional.of(out.toByteArray());
    }

    /** Whitespace bytes as an XML parser reports them: CR LF and a lone CR become LF. */
    private static String normaliseLineEnds(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\r') {
                text.append('\n');
                if (i + 1 < to && bytes[i + 1] == '\n') {
                    i++;
                }
            } else {
                text.append((char) b);
            }
        }
        return text.toString();
    }

    /** UTF-8 (with or without a byte order mark), as declared or by default; not UTF-16 and the like. */
    static boolean isUtf8(byte[] xml) {
        int start = xml.length >= 3 && (xml[0] & 0xff) == 0xEF && (xml[1] & 0xff) == 0xBB && (xml[2] & 0xff) == 0xBF ? 3 : 0;
        if (xml.length <= start || xml[start] != '<') {
            return false;
        }
        String head = new String(xml, start, Math.min(200, xml.length - start), StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml")) {
            return true;
        }
        Matcher declared = ENCODING.matcher(head.substring(0, Math.max(head.indexOf("?>"), 0)));
        return !declared.find() || declared.group(1).equalsIgnoreCase("UTF-8");
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle, int before) {
        outer:
        for (int i = before - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
