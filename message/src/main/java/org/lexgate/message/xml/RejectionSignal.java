package org.lexgate.message.xml;

import org.lexgate.message.MessageRejectedException;
import org.xml.sax.SAXException;

/**
 * Carries a {@link MessageRejectedException} out of a SAX callback through the parser, which
 * passes SAX exceptions from its handlers through unchanged (or wrapped; see {@link #find}).
 */
final class RejectionSignal extends SAXException {

    private static final long serialVersionUID = 1L;

    private final MessageRejectedException rejection;

    RejectionSignal(MessageRejectedException rejection) {
        super(rejection.getMessage());
        this.rejection = rejection;
    }

    MessageRejectedException rejection() {
        return rejection;
    }

    /** The rejection somewhere in a cause chain, or null. */
    static MessageRejectedException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof RejectionSignal signal) {
                return signal.rejection;
            }
            if (t instanceof MessageRejectedException rejected) {
                return rejected;
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        if (cause == null && t instanceof SAXException sax) {
            cause = sax.getException();
        }
        return cause == t ? null : cause;
    }
}
