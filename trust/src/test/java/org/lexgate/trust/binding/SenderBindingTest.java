package org.lexgate.trust.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.directory.TestDirectoryWriter;
import org.lexgate.trust.pki.BadSigner;
import org.lexgate.trust.pki.SharedTestPki;
import org.lexgate.trust.pki.TestIdentity;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.DocumentVerifier;
import org.lexgate.trust.signature.VerifiedDocument;

/**
 * The sender binding on real messages: each is signed with a key of the test PKI, verified by the
 * document verifier, then bound and authorised against the example network's directory. Every
 * refusal asserts its exact code.
 */
class SenderBindingTest {

    static final PartyId XA_AGENCY = PartyId.parse("XA-AGENCY");
        static final PartyId XB_CP = PartyId.parse("XB-CP");
    static final PartyId XB_PROVIDER = PartyId.parse("XB-PROVIDER");
    static final PartyId XA_PROVIDER = PartyId.parse("XA-PROVIDER");

    static TestPki pki;
    static SenderBinding binding;

    @BeforeAll
    static void directory(@TempDir Path dir) throws Exception {
        pki = SharedTestPki.get();
        Path file = dir.resolve("directory.xml");
        TestDirectoryWriter.write(pki, file);
        binding = new SenderBinding(PartyDirectory.load(file));
    }

    // --- accepted ---

    @Test
    void agencySignedDisclosureRequestForSubscriberDataIsAccepted() throws Exception {
        byte[] message = Messages.disclosure(XA_AGENCY, XB_PROVIDER, "SubscriberData", "DomesticOrder", false);

        assertThat(accept(pki.signer(TestParty.XA_AGENCY), message).id()).isEqualTo(XA_AGENCY);
    }

    @Test
    void agencyEcdsaAndEd25519SignersAreAccepted() throws Exception {
        byte[] message = Messages.disclosure(XA_AGENCY, XB_PROVIDER, "TrafficData", "BudapestArt30PartialDisclosure", true);

        assertThat(accept(pki.ecSigner(), message).id()).isEqualTo(XA_AGENCY);
        assertThat(binding.bind(pki.ed25519Signer().certificate(), XA_AGENCY, Instant.now()).id()).isEqualTo(XA_AGENCY);
    }

    @Test
    void providerDeliveryAndResponseAreAccepted() throws Exception {
        TestIdentity provider = pki.signer(TestParty.XB_PROVIDER);

        assertThat(accept(provider, Messages.delivery(XB_PROVIDER, XA_AGENCY)).id()).isEqualTo(XB_PROVIDER);
        assertThat(accept(provider, Messages.response(XB_PROVIDER, XA_AGENCY)).id()).isEqualTo(XB_PROVIDER);
    }

    @Test
    void contactPointMayAskForContentDataUnderMutualLegalAssistance() throws Exception {
        byte[] message = Messages.disclosure(XB_CP, XB_PROVIDER, "StoredContentData", "MLARequest", false);

        assertThat(accept(pki.signer(TestParty.XB_CP), message).id()).isEqualTo(XB_CP);
    }

    // --- the certificate ---

    @ParameterizedTest
    @EnumSource(BadSigner.class)
    void badCertificateClaimingToBeTheAgencyIsRefused(BadSigner bad) {
        byte[] message = Messages.disclosure(XA_AGENCY, XB_PROVIDER, "SubscriberData", "DomesticOrder", false);
        ErrorCode expected = switch (bad) {
            case EXPIRED -> ErrorCode.CERTIFICATE_EXPIRED;
            case NOT_YET_VALID -> ErrorCode.CERTIFICATE_NOT_YET_VALID;
            case REVOKED -> ErrorCode.CERTIFICATE_REVOKED;
            case UNKNOWN_CA -> ErrorCode.CERTIFICATE_UNTRUSTED;
            case RSA_1024 -> ErrorCode.CERTIFICATE_KEY_TOO_WEAK;
            case WRONG_SUBJECT -> ErrorCode.CERTIFICATE_SUBJECT_NOT_ALLOWED;
        };

        assertRefused(() -> binding.accept(pki.bad(bad).certificate(), parse(message), Instant.now()), expected);
    }

    @Test
    void expiredCertificateIsRefusedOnASignedMessageToo() {
        byte[] message = Messages.disclosure(XA_AGENCY, XB_PROVIDER, "SubscriberData", "DomesticOrder", false);

        assertRefused(() -> accept(pki.bad(BadSigner.EXPIRED), message), ErrorCode.CERTIFICATE_EXPIRED);
        assertRefused(() -> accept(pki.bad(BadSigner.REVOKED), message), ErrorCode.CERTIFICATE_REVOKED);
    }

    @Test
    void goodCertificateCheckedBeforeItsValidityIsNotYetValid() {
        Instant beforeIssue = pki.signer(TestParty.XA_AGENCY).certificate().getNotBefore().toInstant().minusSeconds(60);

        assertRefused(() -> binding.bind(pki.signer(TestParty.XA_AGENCY).certificate(), XA_AGENCY, beforeIssue),
                ErrorCode.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void afterTheCrlsNextUpdateTheRevocationStatusIsUnknown() {
        Instant afterNextUpdate = pki.crl().getNextUpdate().toInstant().plus(Duration.ofDays(1));
        assertThat(afterNextUpdate).isBefore(pki.signer(TestParty.XA_AGENCY).certificate().getNotAfter().toInstant());

        MessageRejectedException refusal = assertRefused(
                () -> binding.bind(pki.signer(TestParty.XA_AGENCY).certificate(), XA_AGENCY, afterNextUpdate),
                ErrorCode.REVOCATION_STATUS_UNKNOWN);
        assertThat(refusal.code().isTransient()).isTrue();
    }

    @Test
    void aCertificateWhosePathWasValidatedIsStillCheckedForTimeAndRevocationEachTime() throws Exception {
        X509Certificate good = pki.signer(TestParty.XA_AGENCY).certificate();
        X509Certificate revoked = pki.bad(BadSigner.REVOKED).certificate();
        Instant beforeIssue = good.getNotBefore().toInstant().minusSeconds(60);
        Instant afterNextUpdate = pki.crl().getNextUpdate().toInstant().plus(Duration.ofDays(1));
        Instant afterExpiry = good.getNotAfter().toInstant().plusSeconds(60);

        for (int round = 0; round < 2; round++) { // the second round runs on the remembered path
            assertThat(binding.bind(good, XA_AGENCY, Instant.now()).id()).isEqualTo(XA_AGENCY);
            assertRefused(() -> binding.bind(good, XA_AGENCY, beforeIssue), ErrorCode.CERTIFICATE_NOT_YET_VALID);
            assertRefused(() -> binding.bind(good, XA_AGENCY, afterNextUpdate), ErrorCode.REVOCATION_STATUS_UNKNOWN);
            assertRefused(() -> binding.bind(good, XA_AGENCY, afterExpiry), ErrorCode.CERTIFICATE_EXPIRED);
            assertRefused(() -> binding.bind(revoked, XA_AGENCY, Instant.now()), ErrorCode.CERTIFICATE_REVOKED);
        }
    }

    // --- who signed ---

    @Test
    void messageSignedByAnotherKnownPartyIsRefusedAsSignerNotSender() {
        byte[] message = Messages.disclosure(XA_AGENCY, XB_PROVIDER, "SubscriberData", "DomesticOrder", false);

        MessageRejectedException refusal = assertRefused(() -> accept(pki.signer(TestParty.XB_PROVIDER), message),
                ErrorCode.SIGNER_NOT_SENDER);
        assertThat(refusal.getMessage()).contains("XA-AGENCY").contains("XB-PROVIDER");
        assertThat(refusal.safeText()).doesNotContain("XB-PROVIDER");
    }

    @Test
    void senderMissingFromTheDirectoryIsUnknown() {
        PartyId stranger = new PartyId("XC", "XC-AGENCY");
        byte[] message = Messages.disclosure(stranger, XB_PROVIDER, "SubscriberData", "DomesticOrder", false);

        assertRefused(() -> accept(pki.signer(TestParty.XA_AGENCY), message), ErrorCode.SENDER_UNKNOWN);
    }

    // --- authority (§22) ---

    @Test
    void providerSendingADisclosureRequestIsNotAuthorised() {
        byte[] message = Messages.disclosure(XB_PROVIDER, XA_PROVIDER, "SubscriberData", "DomesticOrder", false);

        MessageRejectedException refusal = assertRefused(() -> accept(pki.signer(TestParty.XB_PROVIDER), message),
                ErrorCode.SENDER_NOT_AUTHORISED);
        assertThat(refusal.getMessage()).contains("reserved to roles");
    }

    @Test
    void agencyWithoutContentDataScopeAskingForContentDataIsNotAuthorised() {
        byte[] message = Messages.disclosure(XA_AGENCY, XB_PROVIDER, "StoredContentData", "DomesticOrder", false);

        MessageRejectedException refusal = assertRefused(() -> accept(pki.signer(TestParty.XA_AGENCY), message),
                ErrorCode.SENDER_NOT_AUTHORISED);
        assertThat(refusal.getMessage()).contains("ContentData");
    }

    @Test
    void agencyInvokingALegalBasisItDoesNotHoldIsNotAuthorised() {
        byte[] message = Messages.preservation(XA_AGENCY, XB_PROVIDER, "EUPreservationOrder");

        assertRefused(() -> accept(pki.signer(TestParty.XA_AGENCY), message), ErrorCode.SENDER_NOT_AUTHORISED);
    }

    @Test
    void contentDataUnderAPreservationBasisIsNotAuthorisedEvenForAContactPoint() {
        byte[] message = Messages.disclosure(XB_CP, XB_PROVIDER, "StoredContentData", "BudapestArt29Preservation", false);

        assertRefused(() -> accept(pki.signer(TestParty.XB_CP), message), ErrorCode.SENDER_NOT_AUTHORISED);
    }

    @Test
    void emergencyFlagNeedsAGrantThatAllowsEmergencies() {
        byte[] message = Messages.disclosure(XB_CP, XB_PROVIDER, "StoredContentData", "MLARequest", true);

        assertRefused(() -> accept(pki.signer(TestParty.XB_CP), message), ErrorCode.SENDER_NOT_AUTHORISED);
    }

    @Test
    void agencyMayNotDeliver() {
        assertRefused(() -> accept(pki.signer(TestParty.XA_AGENCY), Messages.delivery(XA_AGENCY, XB_PROVIDER)),
                ErrorCode.SENDER_NOT_AUTHORISED);
    }

    // --- helpers ---

    /** Signs with the identity's real key, verifies like a node does, then binds and authorises. */
    static org.lexgate.trust.directory.Party accept(TestIdentity signer, byte[] message) throws Exception {
        byte[] signed = new DocumentSigner(signer.credential()).sign(message);
        VerifiedDocument verified = new DocumentVerifier().verify(signed);
        return binding.accept(verified, Instant.now());
    }

    static org.w3c.dom.Document parse(byte[] message) throws MessageRejectedException {
        return org.lexgate.message.xml.HardenedXml.parse(message);
    }

    static MessageRejectedException assertRefused(ThrowingCallable call, ErrorCode expected) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(MessageRejectedException.class);
        MessageRejectedException refusal = (MessageRejectedException) thrown;
        assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(expected);
        assertThat(refusal.safeText()).isEqualTo(expected.safeText());
        return refusal;
    }
}
