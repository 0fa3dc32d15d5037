package org.lexgate.gateway.inbound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.lexgate.gateway.node.HopSetup;
import org.lexgate.gateway.node.Node;
import org.lexgate.gateway.node.NodeConfigLoader;
import org.lexgate.gateway.node.RecordingRoles;
import org.lexgate.gateway.node.TestNetwork;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.soap.HopClient;
import org.lexgate.store.AuditEvent;
import org.lexgate.store.AuditEventType;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.signature.DocumentSigner;

/**
 * One running provider node (XB-PROVIDER: SOAP, ETSI HTTP POST and inbound queue) and the agency's
 * hop client to it, shared by the tests of one class.
 */
final class ProviderFixture implements AutoCloseable {

    final TestNetwork network;
    final RecordingRoles roles = new RecordingRoles();
    final Node provider;
    final HopClient agencyClient;

    ProviderFixture(Path dir) throws Exception {
        network = TestNetwork.in(dir);
        provider = Node.start(TestNetwork.load(network.config(TestParty.XB_PROVIDER)), roles);
        NodeConfigLoader.Loaded agency = TestNetwork.load(network.config(TestParty.XA_AGENCY, ""));
        Files.createDirectories(agency.config().dataDirectory());
        HopSetup hop = HopSetup.of(agency.config(), agency.directory());
        agencyClient = HopClient.builder().address(provider.soapAddress().orElseThrow()).security(hop.security())
                .neighbours(HopSetup.only(agency.directory(), PartyId.parse("XB-PROVIDER"))).build();
    }

    /** Signs a message with the key of {@code signer}. */
    static byte[] sign(HI1Message message, TestParty signer) throws Exception {
        return new DocumentSigner(TestNetwork.pki().signer(signer).credential()).sign(Hi1Messages.write(message));
    }

    /** Message rows the provider holds for a TransactionIdentifier. */
    long messageRows(String transactionId) throws Exception {
        try (Connection c = provider.store().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM message WHERE transaction_id = ?")) {
            ps.setString(1, transactionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The provider's audit events of one type for a TransactionIdentifier. */
    List<AuditEvent> audit(AuditEventType type, String transactionId) {
        return provider.store().audit().since(1, 10_000).stream()
                .filter(e -> e.entry().type() == type && transactionId.equals(e.entry().transactionId())).toList();
    }

    long handled(String transactionId) {
        return roles.handled().stream().filter(h -> h.transactionId().equals(transactionId)).count();
    }

    @Override
    public void close() {
        agencyClient.close();
        provider.close();
    }
}
