package org.lexgate.trust.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lexgate.message.xml.HardenedXml;
import org.lexgate.trust.directory.PartyId;

/** What the extractor reads from an HI1Message: sender, actions, object types, categories, legal bases, emergency. */
class AuthorityExtractorTest {

    static final PartyId AGENCY = PartyId.parse("XA-AGENCY");
    static final PartyId PROVIDER = PartyId.parse("XB-PROVIDER");

    @Test
    void disclosureRequestYieldsItsActionsObjectsCategoryLegalBasisAndEmergency() throws Exception {
        MessageClaims claims = AuthorityExtractor.extract(HardenedXml.parse(
                Messages.disclosure(AGENCY, PROVIDER, "TrafficDataAndStoredContentData", "MLARequest", true)));

        assertThat(claims.sender()).isEqualTo(new PartyId("XA", "XA-AGENCY"));
        RequestedAuthority requested = claims.requested();
        assertThat(requested.actions()).containsExactly("CREATE", "CREATE");
        assertThat(requested.objectTypes()).containsExactly("AuthorisationObject", "LDTaskObject");
        assertThat(requested.dataCategories()).containsExactlyInAnyOrder("TrafficData", "ContentData");
        assertThat(requested.legalBases()).containsExactly("MLARequest");
        assertThat(requested.emergency()).isTrue();
    }

    @Test
    void preservationYieldsLexgateDataCategories() throws Exception {
        RequestedAuthority requested = AuthorityExtractor.extract(HardenedXml.parse(
                Messages.preservation(AGENCY, PROVIDER, "BudapestArt29Preservation"))).requested();

        assertThat(requested.objectTypes()).containsExactly("LPTaskObject");
        assertThat(requested.dataCategories()).containsExactly("TrafficData");
        assertThat(requested.legalBases()).containsExactly("BudapestArt29Preservation");
        assertThat(requested.emergency()).isFalse();
    }

    @Test
    void responseAsksForNothing() throws Exception {
        MessageClaims claims = AuthorityExtractor.extract(HardenedXml.parse(Messages.response(PROVIDER, AGENCY)));

        assertThat(claims.sender()).isEqualTo(PROVIDER);
        assertThat(claims.requested().asksForNothing()).isTrue();
        assertThat(claims.requested().actions()).isEqualTo(List.of());
    }

    @Test
    void etsiStyleIdentifierIsReadAsIs() throws Exception {
        PartyId actor = new PartyId("XX", "ACTOR01");
        MessageClaims claims = AuthorityExtractor.extract(HardenedXml.parse(Messages.delivery(actor, AGENCY)));

        assertThat(claims.sender()).isEqualTo(actor);
        assertThat(claims.sender().toString()).isEqualTo("XX:ACTOR01");
        assertThat(claims.requested().actions()).containsExactly("DELIVER");
        assertThat(claims.requested().objectTypes()).containsExactly("DeliveryObject");
    }
}
