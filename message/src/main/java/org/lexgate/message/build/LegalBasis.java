package org.lexgate.message.build;

/**
 * The legal basis of a request (guideline §26: "reference to legal basis"): a value of lexgate's
 * {@code LegalBasis} dictionary, the instrument and the article, and optionally the national
 * provision that implements it. Written as {@code lexgate:LegalBasis} inside the authorisation's
 * {@code lexgate:AuthorisationParameters}. The basis also picks the route (DESIGN.md).
 */
public record LegalBasis(String basis, String instrument, String article, String nationalProvision) {

    static final String BUDAPEST = "Convention on Cybercrime (ETS No. 185)";
    static final String SECOND_PROTOCOL = "Second Additional Protocol to the Convention on Cybercrime (CETS No. 224)";

    public LegalBasis {
        Require.text(basis, "LegalBasis.basis (lexgate/LegalBasis value)");
        Require.text(instrument, "LegalBasis.instrument");
        Require.text(article, "LegalBasis.article");
    }

    /** A basis from lexgate's LegalBasis dictionary, e.g. {@code of("DomesticOrder", "Code of Criminal Procedure", "100g")}. */
    public static LegalBasis of(String basis, String instrument, String article) {
        return new LegalBasis(basis, instrument, article, null);
    }

    /** The same basis naming the national provision that implements it. */
    public LegalBasis withNationalProvision(String provision) {
        return new LegalBasis(basis, instrument, article, Require.text(provision, "nationalProvision"));
    }

    /** Budapest Convention Art. 18: a domestic production order. */
    public static LegalBasis budapestArt18ProductionOrder() {
        return of("BudapestArt18ProductionOrder", BUDAPEST, "18");
    }

    /** Budapest Convention Art. 29: expedited preservation for another Party. */
    public static LegalBasis budapestArt29Preservation() {
        return of("BudapestArt29Preservation", BUDAPEST, "29");
    }

    /** Budapest Convention Art. 30: expedited disclosure of preserved traffic data. */
    public static LegalBasis budapestArt30PartialDisclosure() {
        return of("BudapestArt30PartialDisclosure", BUDAPEST, "30");
    }

    /** Budapest Convention Art. 16: expedited preservation, domestic. */
    public static LegalBasis budapestArt16DomesticPreservation() {
        return of("BudapestArt16DomesticPreservation", BUDAPEST, "16");
    }

    /** Second Additional Protocol Art. 7: subscriber information, directly to the provider. */
    public static LegalBasis secondProtocolArt7SubscriberInformation() {
        return of("SecondProtocolArt7SubscriberInformation", SECOND_PROTOCOL, "7");
    }

    /** Second Additional Protocol Art. 9: expedited disclosure in an emergency. */
    public static LegalBasis secondProtocolArt9EmergencyDisclosure() {
        return of("SecondProtocolArt9EmergencyDisclosure", SECOND_PROTOCOL, "9");
    }

    org.lexgate.hi1.lexgate.LegalBasis toXml() {
        org.lexgate.hi1.lexgate.LegalBasis xml = new org.lexgate.hi1.lexgate.LegalBasis();
        xml.setBasis(Entries.lexgate("LegalBasis", basis));
        xml.setInstrument(instrument);
        xml.setArticle(article);
        xml.setNationalProvision(nationalProvision);
        return xml;
    }
}
