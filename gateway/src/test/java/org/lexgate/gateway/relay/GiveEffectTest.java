package org.lexgate.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexgate.gateway.network.Requests;
import org.lexgate.gateway.role.Hi1View;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.hi1.document.DocumentObject;
import org.lexgate.hi1.lexgate.AuthorisationParameters;
import org.lexgate.hi1.lexgate.CrossBorderHandling;
import org.lexgate.hi1.lexgate.ForeignRequestDocument;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.build.DeliveryBuilder;
import org.lexgate.message.build.Hi1Messages;
import org.lexgate.message.build.Priority;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.pki.TestParty;
import org.lexgate.trust.pki.TestPki;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.DocumentVerifier;

/** A contact point gives effect to a foreign request: its own domestic request, the foreign one attached byte for byte. */
class GiveEffectTest {

    private static final PartyId XB_CP = PartyId.parse("XB-CP");
    private static final PartyId XA_CP = PartyId.parse("XA-CP");

    @TempDir
    static Path dir;
    static byte[] foreignSigned;
    static HI1Message foreign;
    static final Hi1Codec CODEC = Hi1Codec.createDefault();

    @BeforeAll
    static void signForeignRequest() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        foreign = Requests.crossBorderDisclosure("XA-AGENCY-2026-0042", "203.0.113.42", Priority.HIGH);
        foreignSigned = new DocumentSigner(pki.signer(TestParty.XA_AGENCY).credential()).sign(Hi1Messages.write(foreign));
    }

    @Test
    void theDomesticRequestIsThisContactPointsOwnUnderNationalLawAndPassesTheCodec() throws Exception {
        GiveEffect.Domestic domestic = GiveEffect.build(XB_CP, foreignSigned, CODEC, XA_CP, Instant.now());
        Hi1View view = new Hi1View(domestic.message());

        assertThat(view.sender()).isEqualTo(XB_CP);
        assertThat(view.receiver()).isEqualTo(PartyId.parse("XB-PROVIDER"));
        assertThat(view.kind()).isEqualTo(Hi1View.Kind.TASK_REQUEST);
        assertThat(view.caseReference()).contains("XA-AGENCY-2026-0042");
        assertThat(view.legalBases()).containsExactly("DomesticOrder");
        assertThat(view.isEmergency()).isFalse();
        AuthorisationParameters params = (AuthorisationParameters) view.authorisation().orElseThrow()
                .getNationalAuthorisationParameters();
        assertThat(params.getLegalBasis().get(0).getNationalProvision()).contains("BudapestArt35Assistance").contains("XA-AGENCY");
        CrossBorderHandling handling = view.crossBorder().orElseThrow();
        assertThat(handling.getMode().getValue()).isEqualTo("GiveEffect");
        assertThat(handling.getRequestingContactPoint().getUniqueIdentifier()).isEqualTo("XA-CP");
        assertThat(handling.getOriginalRequest().getTransactionIdentifier())
                .isEqualTo(foreign.getHeader().getTransactionIdentifier());
        assertThat(handling.getContactPointReference()).isEqualTo(domestic.caseReference());
        assertThat(Hi1Messages.write(domestic.message(), CODEC)).isNotEmpty(); // schema, dictionaries, lexical rules
        String foreignTask = new Hi1View(foreign).createdTasks().get(0).getObjectIdentifier();
        assertThat(domestic.domesticToForeign()).containsValue(foreignTask);
        assertThat(domestic.domesticToForeign()).doesNotContainKey(foreignTask);
    }

    @Test
    void theForeignSignedRequestTravelsAsADocumentByteForByteAndStillVerifies() throws Exception {
        GiveEffect.Domestic domestic = GiveEffect.build(XB_CP, foreignSigned, CODEC, XA_CP, Instant.now());
        DocumentObject document = new Hi1View(domestic.message()).documents().get(0);

        assertThat(document.getDocumentType().getValue()).isEqualTo("ForeignRequest");
        assertThat(document.getDocumentBody().getContents()).isEqualTo(foreignSigned);
        assertThat(document.getDocumentBody().getChecksum()).isEqualTo(DeliveryBuilder.sha256(foreignSigned));
        ForeignRequestDocument p = (ForeignRequestDocument) document.getNationalDocumentParameters();
        assertThat(p.getOriginalRequest().getSender().getUniqueIdentifier()).isEqualTo("XA-AGENCY");
        assertThat(new DocumentVerifier().verify(document.getDocumentBody().getContents()).signerCertificate()
                .getSubjectX500Principal().getName()).contains("XA-AGENCY");
    }

    @Test
    void givingEffectTwiceGivesTheSameBusinessKeyAndIdentifiers() throws Exception {
        GiveEffect.Domestic first = GiveEffect.build(XB_CP, foreignSigned, CODEC, XA_CP, Instant.now());
        GiveEffect.Domestic second = GiveEffect.build(XB_CP, foreignSigned, CODEC, XA_CP, Instant.now());

        assertThat(second.message().getHeader().getTransactionIdentifier())
                .isEqualTo(first.message().getHeader().getTransactionIdentifier());
        assertThat(second.domesticToForeign()).isEqualTo(first.domesticToForeign());
        assertThat(second.caseReference()).isEqualTo(first.caseReference());
    }
}
