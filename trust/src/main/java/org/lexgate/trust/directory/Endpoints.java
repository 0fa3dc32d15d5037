package org.lexgate.trust.directory;

import java.net.URI;
import java.util.Optional;

/** Where a party receives messages: SOAP with WS-Security, ETSI's HTTP POST binding, an Artemis queue. */
public record Endpoints(Optional<URI> soap, Optional<URI> etsiHttp, Optional<String> queue) {

    public static final Endpoints NONE = new Endpoints(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return soap.isEmpty() && etsiHttp.isEmpty() && queue.isEmpty();
    }
}
