package org.lexgate.trust.directory;

import java.util.Arrays;
import java.util.Optional;

/** How a contact point passes a request on (DESIGN.md, "Cross-border"). */
public enum RouteMode {
    /** The original signed document travels unchanged; the relay signs only the hop. */
    FORWARD("forward"),
    /** The next hop issues its own domestic request carrying the original as a Document. */
    GIVE_EFFECT("give-effect");

    private final String xmlName;

    RouteMode(String xmlName) {
        this.xmlName = xmlName;
    }

    public String xmlName() {
        return xmlName;
    }

    public static Optional<RouteMode> fromXml(String name) {
        return Arrays.stream(values()).filter(m -> m.xmlName.equals(name)).findFirst();
    }
}
