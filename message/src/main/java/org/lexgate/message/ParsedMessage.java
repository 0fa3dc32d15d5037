package org.lexgate.message;

import java.util.Objects;
import org.lexgate.hi1.core.HI1Message;
import org.w3c.dom.Document;

/**
 * A message that passed every check of {@link Hi1Codec}: the exact bytes received, the DOM parsed
 * from them (the tree a signature is verified on), and the typed message bound from that same DOM.
 * The array and the DOM are shared, not copied: callers must not modify them.
 */
public record ParsedMessage(byte[] bytes, Document document, HI1Message message) {

    public ParsedMessage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(message, "message");
    }
}
