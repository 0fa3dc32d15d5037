package org.lexgate.gateway.role;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.lexgate.gateway.outbound.MessageSender;
import org.lexgate.message.Hi1Codec;
import org.lexgate.store.Store;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.Role;

/**
 * What the role handlers need from the node that runs them. The node assembles it at start-up and
 * passes it to {@code Roles.create(RoleContext)}.
 *
 * @param self this node's party id
 * @param roles the roles this node holds
 * @param directory the party directory (parties, grants, routing table)
 * @param store the node's record
 * @param sender signs, stores and queues outgoing messages
 * @param codec parses and writes HI-1 messages
 * @param dataDirectory the node's data folder (file drop folders live below it unless configured)
 * @param settings role settings from the node configuration (key to value)
 */
public record RoleContext(
        PartyId self,
        Set<Role> roles,
        PartyDirectory directory,
        Store store,
        MessageSender sender,
        Hi1Codec codec,
        Path dataDirectory,
        Map<String, String> settings) {
}
