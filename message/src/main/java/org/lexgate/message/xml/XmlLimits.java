package org.lexgate.message.xml;

/**
 * The limits the hardened reader enforces on untrusted XML, each breach refused with its own
 * {@link org.lexgate.message.ErrorCode}. Limits are checked while the bytes stream in, so a hostile
 * document is refused after at most about {@link #maxBytes()} bytes have been read and without
 * building more than that into memory.
 *
 * @param maxBytes          total size of the document in bytes (3022 MESSAGE_TOO_LARGE)
 * @param maxDepth          element nesting depth, the root being depth 1 (9006 DEPTH_LIMIT_EXCEEDED);
 *                          at most {@link #MAX_DEPTH_CEILING}
 * @param maxElements       number of elements in the document (9007 ELEMENT_LIMIT_EXCEEDED)
 * @param maxAttributes     attributes on one element, namespace declarations included
 *                          (9008 ATTRIBUTE_LIMIT_EXCEEDED)
 * @param maxTextChars      characters in one text node, comment or processing instruction
 *                          (9009 TEXT_LIMIT_EXCEEDED); must be below {@code maxBytes} so that a
 *                          huge text is reported as such
 * @param maxAttributeChars characters in one attribute value (9009 TEXT_LIMIT_EXCEEDED)
 */
public record XmlLimits(long maxBytes, int maxDepth, int maxElements, int maxAttributes,
                        int maxTextChars, int maxAttributeChars) {

    /** 64 MiB: an HI-1 message may carry a delivery of 10 MB and more in base64. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** ETSI messages nest about 15 deep; an XML delivery adds its own structure. */
    public static final int DEFAULT_MAX_DEPTH = 100;
    public static final int DEFAULT_MAX_ELEMENTS = 200_000;
    /** The root of an ETSI message declares about ten namespaces. */
    public static final int DEFAULT_MAX_ATTRIBUTES = 64;
    /** 32 Mi characters: one base64 text of a 24 MiB binary delivery. */
    public static final int DEFAULT_MAX_TEXT_CHARS = 32 * 1024 * 1024;
    public static final int DEFAULT_MAX_ATTRIBUTE_CHARS = 64 * 1024;

    /** The checks after parsing walk the tree recursively; no HI-1 message comes near this depth. */
    public static final int MAX_DEPTH_CEILING = 1_000;

    public XmlLimits {
        if (maxDepth > MAX_DEPTH_CEILING) {
            throw new IllegalArgumentException("maxDepth above " + MAX_DEPTH_CEILING + ": " + maxDepth);
        }
        if (maxBytes < 1 || maxDepth < 1 || maxElements < 1 || maxAttributes < 1 || maxTextChars < 1
                || maxAttributeChars < 1) {
            throw new IllegalArgumentException("every XML limit must be positive: " + this);
        }
    }

    /** The defaults described on each constant. */
    public static XmlLimits defaults() {
        return new XmlLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS,
                DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_ATTRIBUTE_CHARS);
    }

    public XmlLimits withMaxBytes(long value) {
        return new XmlLimits(value, maxDepth, maxElements, maxAttributes, maxTextChars, maxAttributeChars);
    }

    public XmlLimits withMaxDepth(int value) {
        return new XmlLimits(maxBytes, value, maxElements, maxAttributes, maxTextChars, maxAttributeChars);
    }

    public XmlLimits withMaxElements(int value) {
        return new XmlLimits(maxBytes, maxDepth, value, maxAttributes, maxTextChars, maxAttributeChars);
    }

    public XmlLimits withMaxAttributes(int value) {
        return new XmlLimits(maxBytes, maxDepth, maxElements, value, maxTextChars, maxAttributeChars);
    }

    public XmlLimits withMaxTextChars(int value) {
        return new XmlLimits(maxBytes, maxDepth, maxElements, maxAttributes, value, maxAttributeChars);
    }

    public XmlLimits withMaxAttributeChars(int value) {
        return new XmlLimits(maxBytes, maxDepth, maxElements, maxAttributes, maxTextChars, value);
    }
}
