package org.lexgate.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.gateway.outbound.MessageSender.SentMessage;
import org.lexgate.gateway.receipt.ReceiptVerifier;
import org.lexgate.gateway.receipt.VerifiedReceipt;
import org.lexgate.gateway.role.AcceptedInbound;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.lexgate.store.OutboundRecord;
import org.lexgate.store.OutboundState;
import org.lexgate.store.StoredReceipt;
import org.lexgate.trust.binding.SenderBinding;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.signature.DocumentVerifier;

/**
 * Two real nodes on loopback — agency XA-AGENCY and provider XB-PROVIDER, each with its CXF SOAP
 * endpoint, embedded Artemis and H2 file store — exchange a signed request: the agency's sender
 * signs, records and queues it; delivery sends it over the signed hop; the provider accepts, stores
 * and answers with a signed receipt; the agency verifies and stores that receipt; the provider's role
 * handler gets the message.
 */
class TwoNodeExchangeTest {

    @TempDir
    Path dir;

    private Node agency;
    private Node provider;

    @AfterEach
    void stop() {
        if (agency != null) {
            agency.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anAgencyRequestReachesTheProviderAndTheAgencyKeepsItsSignedReceipt() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        RecordingRoles providerRoles = new RecordingRoles();
        provider = Node.start(TestNetwork.load(network.config(TestParty.XB_PROVIDER)), providerRoles);
        agency = Node.start(TestNetwork.load(network.config(TestParty.XA_AGENCY,
                "  <endpoints><soap>" + network.soapUrl(TestParty.XA_AGENCY) + "</soap></endpoints>\n")),
                new RecordingRoles());

        exchange(agency, provider, providerRoles);
    }

    /** Sends one request from {@code agency} to {@code provider} and checks every record on both sides. */
    static void exchange(Node agency, Node provider, RecordingRoles providerRoles) throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        SentMessage sent = agency.sender().send(request, false, "XA-AGENCY-CASE-1");

        assertThat(sent.destination()).isEqualTo(PartyId.parse("XB-PROVIDER"));
        UUID id = UUID.fromString(sent.messageId());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                agency.store().outbound().get(id).map(OutboundRecord::state).orElse(null) == OutboundState.DELIVERED);

        StoredReceipt receipt = agency.store().messages().receipt(id).orElseThrow();
        ReceiptVerifier verifier = new ReceiptVerifier(Hi1Codec.createDefault(), new DocumentVerifier(),
                new SenderBinding(agency.directory()), java.time.Clock.systemUTC());
        VerifiedReceipt verified = verifier.verify(receipt.signedBytes(), PartyId.parse("XB-PROVIDER"),
                PartyId.parse("XA-AGENCY"), sent.transactionId(), sent.digest());
        assertThat(verified.accepted()).isTrue();
        assertThat(verified.digest()).isEqualTo(sent.digest());
        assertThat(verified.signer()).isEqualTo(PartyId.parse("XB-PROVIDER"));

        await().atMost(Duration.ofSeconds(30)).until(() -> providerRoles.handled().size() == 1);
        AcceptedInbound handled = providerRoles.handled().get(0);
        assertThat(handled.transactionId()).isEqualTo(sent.transactionId());
        assertThat(handled.digest()).isEqualTo(sent.digest());
        assertThat(handled.sender()).isEqualTo(PartyId.parse("XA-AGENCY"));
        assertThat(handled.hopNeighbour()).isEqualTo("XA-AGENCY");
        assertThat(provider.store().messages().findInbound("XA-AGENCY", sent.transactionId())).isPresent();
        assertThat(provider.store().messages().receipt(UUID.fromString(handled.messageId())).orElseThrow().signedBytes())
                .isEqualTo(receipt.signedBytes());
    }
}
