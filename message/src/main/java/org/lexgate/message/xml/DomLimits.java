package org.lexgate.message.xml;

import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * {@link XmlLimits} applied to a DOM that was built in memory rather than parsed (see
 * {@link HardenedXml#checkLimits}), with the codes {@link LimitingDomBuilder} uses, so that lexgate
 * does not write what its own parser would refuse; a character XML 1.0 does not allow is refused as
 * not well-formed, which is what the parser would say of it.
 */
final class DomLimits {

    private DomLimits() {
    }

    static void check(Document document, XmlLimits limits) throws MessageRejectedException {
        int[] elements = {0};
        for (Node child = document.getFirstChild(); child != null; child = child.getNextSibling()) {
            node(child, 1, limits, elements);
        }
    }

    /** Recursion stops at {@code maxDepth} (at most {@link XmlLimits#MAX_DEPTH_CEILING}), so the stack stays small. */
    private static void node(Node node, int depth, XmlLimits limits, int[] elements) throws MessageRejectedException {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                if (depth > limits.maxDepth()) {
                    throw reject(ErrorCode.DEPTH_LIMIT_EXCEEDED, "depth exceeds " + limits.maxDepth());
                }
                if (++elements[0] > limits.maxElements()) {
                    throw reject(ErrorCode.ELEMENT_LIMIT_EXCEEDED, "more than " + limits.maxElements() + " elements");
                }
                attributes((Element) node, limits);
                for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    node(child, depth + 1, limits, elements);
                }
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE, Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> {
                String value = node.getNodeValue();
                if (value != null && value.length() > limits.maxTextChars()) {
                    throw reject(ErrorCode.TEXT_LIMIT_EXCEEDED, "text longer than " + limits.maxTextChars() + " characters");
                }
                requireXmlCharacters(value);
            }
            default -> {
                // document type and the like: not in a message lexgate writes
            }
        }
    }

    private static void attributes(Element element, XmlLimits limits) throws MessageRejectedException {
        NamedNodeMap attributes = element.getAttributes();
        if (attributes.getLength() > limits.maxAttributes()) {
            throw reject(ErrorCode.ATTRIBUTE_LIMIT_EXCEEDED,
                    "element " + element.getTagName() + " has more than " + limits.maxAttributes() + " attributes");
        }
        for (int i = 0; i < attributes.getLength(); i++) {
            String value = attributes.item(i).getNodeValue();
            if (value.length() > limits.maxAttributeChars()) {
                throw reject(ErrorCode.TEXT_LIMIT_EXCEEDED,
                        "attribute value longer than " + limits.maxAttributeChars() + " characters");
            }
            requireXmlCharacters(value);
        }
    }

    /** XML 1.0 allows tab, LF, CR, and U+0020 upwards except surrogates out of pairs, U+FFFE and U+FFFF. */
    private static void requireXmlCharacters(String value) throws MessageRejectedException {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0xD800 || c == '\n' || c == '\t' || c == '\r' || c >= 0xE000 && c <= 0xFFFD) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            throw reject(ErrorCode.NOT_WELL_FORMED, "character U+" + String.format("%04X", (int) c) + " is not allowed in XML");
        }
    }

    private static MessageRejectedException reject(ErrorCode code, String detail) {
        return new MessageRejectedException(code, detail);
    }
}
