package org.lexgate.message.build;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.lexgate.hi1.common.ApprovalDetails;
import org.lexgate.hi1.common.ApproverContactDetails;
import org.lexgate.hi1.common.ApproverDetails;
import org.lexgate.hi1.lexgate.IssuingAuthorityDetails;

/**
 * Who issues a request and how a provider can check it independently of the message (guideline
 * §24, §26 "information to verify the source of the request"). Written as one
 * {@code common:ApprovalDetails} on the authorisation:
 * <ul>
 *   <li>the approver (ApproverName, ApproverRole), the order's reference and approval time;</li>
 *   <li>the agent seeking the records, as ApproverContactDetails (Name, Role, EmailAddress,
 *       PhoneNumber) — §24 first bullet;</li>
 *   <li>{@code lexgate:IssuingAuthorityDetails} in ApprovalNationalDetails: authority name and kind,
 *       main switchboard, website and functional mailbox — §24 second and third bullets.</li>
 * </ul>
 * Every field §24 names is required. The agent's e-mail must be in the agency's domain (that of
 * the functional mailbox), never a personal account (§24 second bullet).
 */
public final class IssuingAuthority {

    private static final Pattern E164 = Pattern.compile("[0-9]{1,15}");

    private String countryCode;
    private String authorityName;
    private String authorityKind;
    private String switchboardNumber;
    private String website;
    private String functionalEmailAddress;
    private String postalAddress;
    private String agentName;
    private String agentRole;
    private String agentEmailAddress;
    private String agentPhoneNumber;
    private String approverName;
    private String approverRole;
    private String approvalType;
    private String approvalReference;
    private Instant approvalTimestamp;

    private IssuingAuthority() {
    }

    /** Starts the details of an authority in the given country, e.g. {@code in("XA")}. */
    public static IssuingAuthority in(String countryCode) {
        IssuingAuthority a = new IssuingAuthority();
        a.countryCode = Party.of(countryCode, "-").countryCode();
        return a;
    }

    /** The authority's name and kind (lexgate/AuthorityKind: Police, Prosecutor, Judge, ContactPoint247...). */
    public IssuingAuthority authority(String name, String kind) {
        this.authorityName = Require.text(name, "IssuingAuthority.authorityName");
        this.authorityKind = Require.text(kind, "IssuingAuthority.authorityKind");
        return this;
    }

    /** §24: the agency's main switchboard (E.164 digits, no '+'), its website and functional mailbox. */
    public IssuingAuthority verification(String switchboardE164, String websiteUrl, String functionalEmail) {
        this.switchboardNumber = e164(switchboardE164, "IssuingAuthority.switchboardNumber");
        this.website = Require.text(websiteUrl, "IssuingAuthority.website");
        this.functionalEmailAddress = email(functionalEmail, "IssuingAuthority.functionalEmailAddress");
        return this;
    }

    public IssuingAuthority postalAddress(String value) {
        this.postalAddress = Require.text(value, "IssuingAuthority.postalAddress");
        return this;
    }

    /** §24: name, role, telephone and agency e-mail of the agent seeking the records. */
    public IssuingAuthority agent(String name, String role, String phoneE164, String agencyEmail) {
        this.agentName = Require.text(name, "IssuingAuthority.agentName");
        this.agentRole = Require.text(role, "IssuingAuthority.agentRole");
        this.agentPhoneNumber = e164(phoneE164, "IssuingAuthority.agentPhoneNumber");
        this.agentEmailAddress = email(agencyEmail, "IssuingAuthority.agentEmailAddress");
        return this;
    }

    /** Who approved or issued the order (prosecutor, judge, senior officer) and their role. */
    public IssuingAuthority approver(String name, String role) {
        this.approverName = Require.text(name, "IssuingAuthority.approverName");
        this.approverRole = Require.text(role, "IssuingAuthority.approverRole");
        return this;
    }

    /** The kind of order (e.g. "Production order") and its reference at the issuing authority. */
    public IssuingAuthority order(String type, String reference) {
        this.approvalType = Require.text(type, "IssuingAuthority.approvalType");
        this.approvalReference = Require.text(reference, "IssuingAuthority.approvalReference");
        return this;
    }

    /** When the order was approved; defaults to the message time. */
    public IssuingAuthority approvedAt(Instant value) {
        this.approvalTimestamp = Require.arg(value, "IssuingAuthority.approvalTimestamp");
        return this;
    }

    String countryCode() {
        return countryCode;
    }

    /** Checks every §24 field, then writes the ApprovalDetails. */
    ApprovalDetails toXml(Instant defaultApprovalTime, boolean emergency) {
        Require.set(authorityName, "IssuingAuthority.authority(name, kind) (§24: the issuing agency)");
        Require.set(switchboardNumber, "IssuingAuthority.verification(switchboard, website, functionalEmail) "
                + "(§24: main switchboard and website so the provider can verify the request)");
        Require.set(agentName, "IssuingAuthority.agent(name, role, phone, email) "
                + "(§24: contact name, telephone and e-mail of the agent seeking the records)");
        Require.set(approverName, "IssuingAuthority.approver(name, role) (§22, §24: who authorised the request)");
        String agencyDomain = domain(functionalEmailAddress);
        if (!domain(agentEmailAddress).equals(agencyDomain)) {
            throw new IllegalStateException("IssuingAuthority.agentEmailAddress must be an agency-provided address in "
                    + agencyDomain + " (§24: never the agent's personal e-mail), got " + agentEmailAddress);
        }
        ApprovalDetails approval = new ApprovalDetails();
        approval.setApprovalType(approvalType);
        approval.setApprovalReference(approvalReference);
        ApproverDetails approver = new ApproverDetails();
        approver.setApproverName(approverName);
        approver.setApproverRole(approverRole);
        ApproverContactDetails agent = new ApproverContactDetails();
        agent.setName(agentName);
        agent.setRole(agentRole);
        agent.setEmailAddress(agentEmailAddress);
        agent.setPhoneNumber(agentPhoneNumber);
        approver.getApproverContactDetails().add(agent);
        approval.setApproverDetails(approver);
        approval.setApprovalTimestamp(Times.qualified(approvalTimestamp != null ? approvalTimestamp : defaultApprovalTime));
        if (emergency) {
            approval.setApprovalIsEmergency(Boolean.TRUE);
        }
        IssuingAuthorityDetails details = new IssuingAuthorityDetails();
        details.setCountryCode(countryCode);
        details.setAuthorityName(authorityName);
        details.setAuthorityKind(Entries.lexgate("AuthorityKind", authorityKind));
        details.setSwitchboardNumber(switchboardNumber);
        details.setWebsite(website);
        details.setFunctionalEmailAddress(functionalEmailAddress);
        details.setPostalAddress(postalAddress);
        approval.setApprovalNationalDetails(details);
        return approval;
    }

    private static String e164(String value, String field) {
        if (value == null || !E164.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to 15 digits (E.164 without '+'), got " + value);
        }
        return value;
    }

    private static String email(String value, String field) {
        Require.text(value, field);
        int at = value.lastIndexOf('@');
        if (at < 1 || at == value.length() - 1) {
            throw new IllegalArgumentException(field + " is not an e-mail address: " + value);
        }
        return value;
    }

    private static String domain(String email) {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
