package org.lexgate.message.build;

import java.util.Objects;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;

/**
 * Where to start when lexgate must write an HI-1 message. Each method returns a small fluent
 * builder whose {@code build()} returns the unsigned JAXB {@link HI1Message} (signing is the trust
 * layer's job) and whose {@code toBytes()} writes it through the codec, which checks it exactly as
 * a receiver would (schema, dictionaries, lexical rules). A builder refuses, with an
 * IllegalStateException naming the field and the guideline paragraph, to build a message that lacks
 * what the guidelines require.
 *
 * <pre>{@code
 * HI1Message request = Hi1Messages.disclosureRequest()
 *     .from(Party.of("XA", "XA-AGENCY")).to(Party.of("XA", "XA-PROVIDER"))
 *     .reference("XA-AGENCY-2026-0042")                        // §26 registration number
 *     .legalBasis(LegalBasis.budapestArt18ProductionOrder())   // §26 legal basis
 *     .data(RequestedData.subscriberData().identifier("EmailAddress", "user@example.org"))  // §26, §27
 *     .issuedBy(authority)                                     // §24 who, and how to verify
 *     .priority(Priority.ROUTINE)                              // §30
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Messages and their builders</caption>
 *   <tr><th>message</th><th>method</th><th>wire form</th></tr>
 *   <tr><td>disclosure request (also cross-border, emergency, after a preservation)</td>
 *       <td>{@link #disclosureRequest()}, {@link #emergencyRequest(String)}</td>
 *       <td>CREATE AuthorisationObject + CREATE LDTaskObject</td></tr>
 *   <tr><td>preservation request</td><td>{@link #preservationRequest()}</td>
 *       <td>CREATE AuthorisationObject + CREATE LPTaskObject</td></tr>
 *   <tr><td>extension, release, cancellation</td>
 *       <td>{@link #preservationExtension()}, {@link #preservationRelease()}, {@link #cancellation()}</td>
 *       <td>UPDATE LPTaskObject / LDTaskObject / AuthorisationObject</td></tr>
 *   <tr><td>status notification, refusal</td><td>{@link #statusNotification()}, {@link #refusal()}</td>
 *       <td>CREATE NotificationObject</td></tr>
 *   <tr><td>delivery</td><td>{@link #delivery()}</td><td>DELIVER DeliveryObject</td></tr>
 *   <tr><td>GET, LIST, service catalogue request</td>
 *       <td>{@link #query()}, {@link #serviceCatalogueRequest()}</td><td>GET, LIST, GETCSPCONFIG</td></tr>
 *   <tr><td>service catalogue</td><td>{@link #serviceCatalogue()}</td><td>GETCSPCONFIGResponse</td></tr>
 * </table>
 */
public final class Hi1Messages {

    /** The TS 103 120 version lexgate writes in the header. */
    public static final String ETSI_VERSION = "V1.23.1";
    /** The header's NationalProfileOwner. */
    public static final String PROFILE_OWNER = "lexgate";
    /** The header's NationalProfileVersion: the version of docs/profile.md. */
    public static final String PROFILE_VERSION = "1.0";

    private Hi1Messages() {
    }

    /** A disclosure request (§26, §27): LDTask with its authorisation. */
    public static DisclosureRequestBuilder disclosureRequest() {
        return new DisclosureRequestBuilder();
    }

    /** An emergency disclosure request (§34): IsEmergency flags, ApprovalIsEmergency, priority High. */
    public static DisclosureRequestBuilder emergencyRequest(String justification) {
        return new DisclosureRequestBuilder().emergency(justification);
    }

    /** A preservation request (§35; Budapest Art. 29): LPTask with its authorisation. */
    public static PreservationRequestBuilder preservationRequest() {
        return new PreservationRequestBuilder();
    }

    /** Extends a preservation (§35): call {@code extendPreservation(task, until)}. */
    public static UpdateRequestBuilder preservationExtension() {
        return new UpdateRequestBuilder();
    }

    /** Releases a preservation (§35, §37): call {@code releasePreservation(task)}. */
    public static UpdateRequestBuilder preservationRelease() {
        return new UpdateRequestBuilder();
    }

    /** Cancels a disclosure task or an authorisation: call {@code cancelDisclosure(..)} / {@code cancelAuthorisation(..)}. */
    public static UpdateRequestBuilder cancellation() {
        return new UpdateRequestBuilder();
    }

    /** A status notification about an earlier request's objects (§54). */
    public static NotificationBuilder statusNotification() {
        return new NotificationBuilder(false);
    }

    /** A refusal with a lexgate RefusalReason and an explanation (§57). */
    public static NotificationBuilder refusal() {
        return new NotificationBuilder(true);
    }

    /** The answer's data (§53): inline XML, binary with checksum, by reference, or data existence only. */
    public static DeliveryBuilder delivery() {
        return new DeliveryBuilder();
    }

    /** GET and LIST requests (and GETCSPCONFIG), combined as needed. */
    public static QueryBuilder query() {
        return new QueryBuilder();
    }

    /** GETCSPCONFIG: asks a provider for its service catalogue (§50). */
    public static QueryBuilder serviceCatalogueRequest() {
        return new QueryBuilder().serviceCatalogue();
    }

    /** The GETCSPCONFIG response: a provider's service catalogue (§50, §54). */
    public static CatalogueResponseBuilder serviceCatalogue() {
        return new CatalogueResponseBuilder();
    }

    /** Writes a message with lexgate's default codec, which checks it as a receiver would. */
    public static byte[] write(HI1Message message) throws MessageRejectedException {
        return DefaultCodec.CODEC.write(Objects.requireNonNull(message, "message"));
    }

    /** Writes a message with the given codec. */
    public static byte[] write(HI1Message message, Hi1Codec codec) throws MessageRejectedException {
        return codec.write(Objects.requireNonNull(message, "message"));
    }

    private static final class DefaultCodec {
        static final Hi1Codec CODEC = Hi1Codec.createDefault();
    }
}
