package org.lexgate.message.build;

import java.time.Instant;
import org.lexgate.hi1.lexgate.MutualLegalAssistance;

/**
 * The mutual-legal-assistance request that must follow a provisional measure (guideline §37;
 * Budapest Convention Art. 29(2)(f)), written as {@code lexgate:MutualLegalAssistance}.
 */
public final class MlaFollowUp {

    private final boolean intended;
    private String reference;
    private String centralAuthority;
    private Instant submittedAt;
    private Instant followUpDeadline;

    private MlaFollowUp(boolean intended) {
        this.intended = intended;
    }

    /** The requesting Party intends to send an MLA request for the preserved data. */
    public static MlaFollowUp intended() {
        return new MlaFollowUp(true);
    }

    /** No MLA request will follow (e.g. a domestic preservation). */
    public static MlaFollowUp notIntended() {
        return new MlaFollowUp(false);
    }

    /** The MLA request's own reference, once known. */
    public MlaFollowUp reference(String value) {
        this.reference = Require.text(value, "MlaFollowUp.reference");
        return this;
    }

    /** The central authority that sends or receives the MLA request. */
    public MlaFollowUp centralAuthority(String value) {
        this.centralAuthority = Require.text(value, "MlaFollowUp.centralAuthority");
        return this;
    }

    public MlaFollowUp submittedAt(Instant value) {
        this.submittedAt = Require.arg(value, "MlaFollowUp.submittedAt");
        return this;
    }

    /** When the MLA request is due (e.g. before the preservation expires). */
    public MlaFollowUp followUpDeadline(Instant value) {
        this.followUpDeadline = Require.arg(value, "MlaFollowUp.followUpDeadline");
        return this;
    }

    MutualLegalAssistance toXml() {
        MutualLegalAssistance xml = new MutualLegalAssistance();
        xml.setIntended(intended);
        xml.setReference(reference);
        xml.setCentralAuthority(centralAuthority);
        xml.setSubmittedAt(submittedAt == null ? null : Times.qualified(submittedAt));
        xml.setFollowUpDeadline(followUpDeadline == null ? null : Times.qualified(followUpDeadline));
        return xml;
    }
}
