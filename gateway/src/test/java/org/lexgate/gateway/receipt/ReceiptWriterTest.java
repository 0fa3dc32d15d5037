package org.lexgate.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.gateway.node.TestMessages;
import org.lexgate.gateway.node.TestNetwork;
import org.lexgate.gateway.role.ObjectXml;
import org.lexgate.hi1.core.ActionRequest;
import org.lexgate.hi1.core.ActionResponse;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.core.HI1Object;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.store.Hi1ObjectType;
import org.lexgate.store.ObjectVersion;
import org.lexgate.store.Store;
import org.lexgate.trust.binding.SenderBinding;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.DocumentVerifier;

/**
 * The provider's receipts, verified as the agency would: signed by the provider, answering the
 * request's sender and TransactionIdentifier, naming its digest, one ActionResponse per ActionRequest
 * with the matching type; GET and LIST answered from a real store; refusals as ErrorInformation.
 */
class ReceiptWriterTest {

    private static final PartyId AGENCY = PartyId.parse("XA-AGENCY");
    private static final PartyId PROVIDER = PartyId.parse("XB-PROVIDER");

    @TempDir
    Path dir;

    private Store store;
    private Hi1Codec codec;
    private ReceiptWriter writer;
    private ReceiptVerifier verifier;

    @BeforeEach
    void setUp() throws Exception {
        TestNetwork network = TestNetwork.in(dir);
        PartyDirectory directory = PartyDirectory.load(network.directory());
        store = Store.openEmbedded(dir.resolve("db"));
        codec = Hi1Codec.createDefault();
        writer = new ReceiptWriter(PROVIDER, new DocumentSigner(TestNetwork.pki().signer(TestParty.XB_PROVIDER).credential()),
                codec, new StoreQueryAnswers(store.objects()));
        verifier = new ReceiptVerifier(codec, new DocumentVerifier(), new SenderBinding(directory), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void anAcceptedRequestGetsOneMatchingActionResponsePerActionRequest() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        String digest = "ab".repeat(32);

        byte[] receipt = writer.accepted(request, AGENCY, digest);

        VerifiedReceipt verified = verifier.verify(receipt, PROVIDER, AGENCY,
                request.getHeader().getTransactionIdentifier(), digest);
        assertThat(verified.accepted()).isTrue();
        List<ActionRequest> actions = request.getPayload().getRequestPayload().getActionRequests().getActionRequest();
        List<ActionResponse> responses = responses(receipt);
        assertThat(responses).hasSameSizeAs(actions);
        for (int i = 0; i < actions.size(); i++) {
            assertThat(responses.get(i).getActionIdentifier()).isEqualTo(actions.get(i).getActionIdentifier());
            assertThat(responses.get(i).getCREATEResponse().getIdentifier())
                    .isEqualTo(actions.get(i).getCREATE().getHI1Object().getObjectIdentifier());
        }
    }

    @Test
    void aReceiptNamingAnotherDigestIsRefused() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        byte[] receipt = writer.accepted(request, AGENCY, "ab".repeat(32));

        assertRefused(() -> verifier.verify(receipt, PROVIDER, AGENCY, request.getHeader().getTransactionIdentifier(),
                "cd".repeat(32)), ErrorCode.INVALID_REFERENCE);
        assertRefused(() -> verifier.verify(receipt, PROVIDER, AGENCY, UUID.randomUUID().toString(), "ab".repeat(32)),
                ErrorCode.INVALID_TRANSACTION_IDENTIFIER);
        assertRefused(() -> verifier.verify(receipt, PartyId.parse("XA-PROVIDER"), AGENCY,
                request.getHeader().getTransactionIdentifier(), "ab".repeat(32)), ErrorCode.SIGNER_NOT_SENDER);
    }

    @Test
    void aRefusalIsASignedErrorInformationWithTheCodeAndItsSafeTextOnly() throws Exception {
        HI1Message request = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        String digest = "ef".repeat(32);

        byte[] refusal = writer.refused(Optional.of(request.getHeader()), Optional.of(digest), ErrorCode.NOT_AUTHORISED);

        VerifiedReceipt verified = verifier.verify(refusal, PROVIDER, AGENCY,
                request.getHeader().getTransactionIdentifier(), digest);
        assertThat(verified.accepted()).isFalse();
        assertThat(verified.errorCode()).contains(3014);
        assertThat(verified.errorText()).contains(ErrorCode.NOT_AUTHORISED.safeText());
    }

    @Test
    void getAndListAreAnsweredFromTheStoreForTheObjectsTheRequesterOwns() throws Exception {
        HI1Message created = TestMessages.subscriberRequest(TestParty.XA_AGENCY, TestParty.XB_PROVIDER, false);
        HI1Object task = created.getPayload().getRequestPayload().getActionRequests().getActionRequest().get(1)
                .getCREATE().getHI1Object();
        task.setGeneration(java.math.BigInteger.ONE);
        UUID taskId = UUID.fromString(task.getObjectIdentifier());
        store.objects().upsert(new ObjectVersion(taskId, Hi1ObjectType.LD_TASK, "case-1", "XA-AGENCY", "XA", null,
                null, null, ObjectXml.write(task), Instant.now(), 0, "XA-AGENCY"));
        UUID foreign = UUID.randomUUID();
        task.setObjectIdentifier(foreign.toString());
        store.objects().upsert(new ObjectVersion(foreign, Hi1ObjectType.LD_TASK, "case-2", "XA-CP", "XA", null,
                null, null, ObjectXml.write(task), Instant.now(), 0, "XA-CP"));
        HI1Message query = Hi1Messages.query().from(TestMessages.party(TestParty.XA_AGENCY))
                .to(TestMessages.party(TestParty.XB_PROVIDER))
                .get(taskId).get(foreign).list("LDTask", null, null).build();

        List<ActionResponse> responses = responses(writer.accepted(query, AGENCY, "01".repeat(32)));

        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).getGETResponse().getHI1Object().getObjectIdentifier()).isEqualTo(taskId.toString());
        assertThat(responses.get(1).getErrorInformation().getErrorCode().intValue()).isEqualTo(3003);
        assertThat(responses.get(2).getLISTResponse().getListResponseRecord()).singleElement()
                .satisfies(r -> assertThat(r.getIdentifier()).isEqualTo(taskId.toString()));
    }

    private List<ActionResponse> responses(byte[] receipt) throws MessageRejectedException {
        return codec.parse(receipt).message().getPayload().getResponsePayload().getActionResponses().getActionResponse();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call)
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
