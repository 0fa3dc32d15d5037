package org.lexgate.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.gateway.node.TestMessages;
import org.lexgate.gateway.node.TestNetwork;
import org.lexgate.hi1.core.EndpointID;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.soap.HopException;
import org.lexgate.store.AuditEventType;
import org.lexgate.trust.pki.BadSigner;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.signature.DocumentSigner;

/**
 * The accept route over the SOAP hop, against a real provider node: exactly-once effect for a
 * retried message, and the exact refusal code — with no message row, only a REFUSED audit event —
 * for each kind of bad message.
 */
class SoapInboundTest {

    @TempDir
    static Path dir;

    private static ProviderFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ProviderFixture(dir);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aDuplicateSubmissionGetsTheByteIdenticalOriginalReceiptAndHasOneEffect() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        String tx = request.getHeader().getTransactionIdentifier();
        byte[] signed = ProviderFixture.sign(request, TestParty.XA_AGENCY);

        byte[] first = fixture.agencyClient.submit(signed);
        byte[] second = fixture.agencyClient.submit(signed);

        assertThat(second).isEqualTo(first);
        assertThat(fixture.messageRows(tx)).isEqualTo(1);
        assertThat(fixture.audit(AuditEventType.ACCEPTED, tx)).hasSize(1);
        assertThat(fixture.audit(AuditEventType.DUPLICATE, tx)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.handled(tx) >= 1
                && fixture.provider.broker().messageCount(ProcessingQueues.ROUTINE) == 0);
        assertThat(fixture.handled(tx)).isEqualTo(1);
    }

    @Test
    void aTamperedMessageIsRefusedWith9103AndLeavesNoMessage() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        byte[] signed = ProviderFixture.sign(request, TestParty.XA_AGENCY);
        byte[] tampered = new String(signed, StandardCharsets.UTF_8)
                .replace("suspect@mail.example", "someone@mail.example").getBytes(StandardCharsets.UTF_8);

        assertRefused(tampered, request, ErrorCode.SIGNATURE_DIGEST_MISMATCH);
    }

    @Test
    void aMessageSignedByAnotherPartyThanItsSenderIsRefusedWith9207() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);

        assertRefused(ProviderFixture.sign(request, TestParty.XA_PROVIDER), request, ErrorCode.SIGNER_NOT_SENDER);
    }

    @Test
    void anUnknownSenderIsRefusedWith9208() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        EndpointID nobody = new EndpointID();
        nobody.setCountryCode("XC");
        nobody.setUniqueIdentifier("XC-NOBODY");
        request.getHeader().setSenderIdentifier(nobody);

        assertRefused(ProviderFixture.sign(request, TestParty.XA_AGENCY), request, ErrorCode.SENDER_UNKNOWN);
    }

    @Test
    void aMessageForAnotherReceiverIsRefusedWith3007() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XA_PROVIDER, false);

        assertRefused(ProviderFixture.sign(request, TestParty.XA_AGENCY), request, ErrorCode.WRONG_RECEIVER);
    }

    @Test
    void aSignerWithAnExpiredCertificateIsRefusedWith9201() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        byte[] signed = new DocumentSigner(TestNetwork.pki().bad(BadSigner.EXPIRED).credential())
                .sign(Hi1Messages.write(request));

        assertRefused(signed, request, ErrorCode.CERTIFICATE_EXPIRED);
    }

    private static void assertRefused(byte[] bytes, HI1Message claimed, ErrorCode code) throws Exception {
        String tx = claimed.getHeader().getTransactionIdentifier();
        assertThatThrownBy(() -> fixture.agencyClient.submit(bytes))
                .isInstanceOfSatisfying(HopException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HopException.Kind.REFUSED);
                    assertThat(e.code()).isEqualTo(code.code());
                    assertThat(e.safeText()).isEqualTo(code.safeText());
                });
        assertThat(fixture.messageRows(tx)).isZero();
        assertThat(fixture.audit(AuditEventType.REFUSED, tx)).singleElement()
                .satisfies(event -> assertThat(event.entry().code()).isEqualTo(code.code()));
        assertThat(fixture.handled(tx)).isZero();
    }
}
