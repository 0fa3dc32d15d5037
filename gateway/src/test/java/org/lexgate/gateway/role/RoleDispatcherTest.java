package org.lexgate.gateway.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.gateway.network.Requests;
import org.lexgate.gateway.node.NodeConfigLoader;
import org.lexgate.gateway.node.TestNetwork;
import org.lexgate.gateway.outbound.MessageSender;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.store.AuditEventType;
import org.lexgate.store.SignerRef;
import org.lexgate.store.Store;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.Role;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.signature.DocumentSigner;

/**
 * The handling of one accepted message is one transaction of the node's store, and a message handed
 * to the roles again (a crash before the processing queue heard of the commit, or a copy on the
 * queue) has its effects once. A provider node's roles on a real (embedded H2) store and file drop.
 */
class RoleDispatcherTest {

    private static final PartyId PROVIDER = PartyId.parse("XB-PROVIDER");

    @TempDir
    Path dir;
    Store store;
    RoleHandler roles;
    final List<HI1Message> sent = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        NodeConfigLoader.Loaded provider = TestNetwork.load(network.config(TestParty.XB_PROVIDER));
        store = Store.openEmbedded(dir.resolve("db"));
        roles = Roles.create(new RoleContext(PROVIDER, Set.of(Role.PROVIDER), provider.directory(), store,
                new RecordingSender(), Hi1Codec.createDefault(), dir.resolve("data"), Map.of()));
    }

    @AfterEach
    void stop() {
        roles.close();
        store.close();
    }

    @Test
    void aRequestHandedOverTwiceReachesTheBackEndOnceWithOneTrail() throws Exception {
        HI1Message request = Requests.domesticDisclosure("XB-CP-2026-0101", "someone@example.org");
        AcceptedInbound in = accepted(request, TestParty.XB_CP);

        roles.handle(in);
        List<Path> dropped = requestFiles();
        roles.handle(in);

        assertThat(dropped).isNotEmpty();
        assertThat(requestFiles()).isEqualTo(dropped);
        assertThat(store.audit().trail("XB-CP-2026-0101")).extracting(e -> e.entry().type())
                .containsExactly(AuditEventType.STATUS_CHANGED, AuditEventType.STATUS_CHANGED,
                        AuditEventType.HANDED_TO_BACKEND);
        assertThat(store.audit().firstBrokenLink()).isEmpty();
        assertThat(sent).isEmpty();
    }

    private AcceptedInbound accepted(HI1Message message, TestParty signer) throws Exception {
        byte[] signed = new DocumentSigner(TestNetwork.pki().signer(signer).credential()).sign(Hi1Messages.write(message));
        Hi1View view = new Hi1View(message);
        return new AcceptedInbound(UUID.randomUUID().toString(), view.sender(), view.receiver(), view.transactionId(),
                signed, "0".repeat(64), message, false, null, Instant.now(),
                new SignerRef("CN=" + signer.id(), "01"));
    }

    private List<Path> requestFiles() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("data/filedrop/requests"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Records what the roles send (a provider that only hands requests to its back end sends nothing). */
    private final class RecordingSender implements MessageSender {

        @Override
        public SentMessage send(HI1Message unsigned, boolean emergency, String caseReference) {
            sent.add(unsigned);
            return new SentMessage(UUID.randomUUID().toString(), unsigned.getHeader().getTransactionIdentifier(),
                    Hi1View.party(unsigned.getHeader().getReceiverIdentifier()), "0".repeat(64));
        }

        @Override
        public SentMessage forward(byte[] signedBytes, PartyId nextHop, boolean emergency, String caseReference) {
            throw new UnsupportedOperationException("a provider forwards nothing");
        }
    }
}
