package org.lexgate.adapters;

/** How the node embeds a {@link DataAnswer}'s content in the ETSI Delivery. */
public enum DataFormat {
    /** One well-formed XML document, embedded as {@code XMLData}. The node checks it with its hardened parser. */
    XML,
    /** Any bytes, embedded base64-encoded as {@code BinaryData} with their {@code ContentType}. */
    BINARY
}
