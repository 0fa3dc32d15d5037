package org.lexgate.message;

import org.xml.sax.SAXException;

/** Carries a {@link MessageRejectedException} out of SAX and JAXP callbacks, and finds it again. */
final class Rejections {

    private Rejections() {
    }

    static final class Signal extends SAXException {
        private static final long serialVersionUID = 1L;
        private final MessageRejectedException rejection;

        Signal(MessageRejectedException rejection) {
            super(rejection.getMessage());
            this.rejection = rejection;
        }
    }

    /** The rejection somewhere in a cause chain, or null. */
    static MessageRejectedException find(Throwable failure) {
        int guard = 0;
        for (Throwable t = failure; t != null && guard++ < 32; ) {
            if (t instanceof Signal signal) {
                return signal.rejection;
            }
            if (t instanceof MessageRejectedException rejected) {
                return rejected;
            }
            Throwable next = t.getCause();
            if (next == null && t instanceof SAXException sax) {
                next = sax.getException();
            }
            t = next == t ? null : next;
        }
        return null;
    }
}
