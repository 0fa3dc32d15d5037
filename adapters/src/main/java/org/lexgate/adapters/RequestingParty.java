package org.lexgate.adapters;

import java.util.Objects;

/**
 * The authority that issued the request, as the node verified it: the document signer named in the
 * message header and found in the node's party directory (guideline §24, §51).
 *
 * @param id   its ETSI {@code EndpointID} in the party directory, e.g. {@code XA-POLICE-CYBER}
 * @param name its name in the party directory, e.g. {@code Country A National Police, Cybercrime Unit}
 */
public record RequestingParty(String id, String name) {
    public RequestingParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
