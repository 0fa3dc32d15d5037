package org.lexgate.trust.binding;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lexgate.message.ErrorCode;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.directory.Party;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.directory.PartyId;
import org.lexgate.trust.signature.VerifiedDocument;
import org.w3c.dom.Document;

/**
 * The acceptance rule after the document signature verified (DESIGN.md, "Two layers of
 * signatures"): a message is accepted only when its signer is the party named in
 * {@code Header/SenderIdentifier}, that party is in the directory, the certificate is sound at the
 * time of the check, and the party may ask for what the message asks (guidelines §22, §24, §51).
 *
 * <p>The checks run in this order, each refusal with its own code:
 * <ol>
 *   <li>the sender is a party of the directory — else {@code 9208 SENDER_UNKNOWN};</li>
 *   <li>the certificate is the sender's (pinned, or from one of its anchors with a matching
 *       subject) — else {@code 9207 SIGNER_NOT_SENDER} if it is another party's,
 *       {@code 9206 SUBJECT_NOT_ALLOWED} if it comes from the sender's anchor with a subject the
 *       sender's constraint does not allow, {@code 9204 UNTRUSTED} otherwise;</li>
 *   <li>key and algorithm — {@code 9205}; validity at the time — {@code 9201}/{@code 9202};
 *       path to a configured anchor — {@code 9204}; CRL — {@code 9203}, or {@code 9210} when no
 *       current CRL is loaded ({@link CertificateValidator});</li>
 *   <li>roles and grants — {@code 9209 SENDER_NOT_AUTHORISED} ({@link AuthorityCheck}).</li>
 * </ol>
 * Each {@link MessageRejectedException} carries the full reason as its message (for the log) and
 * the code's safe text for the peer. Thread-safe; the directory is immutable.
 */
public final class SenderBinding {

    private final PartyDirectory directory;
    private final CertificateValidator validator;

    public SenderBinding(PartyDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.validator = new CertificateValidator(directory);
    }

    /**
     * Runs every check on a message whose document signature verified: reads its sender and
     * requests from the verified DOM, binds the signer, authorises. Returns the sending party.
     */
    public Party accept(VerifiedDocument verified, Instant at) throws MessageRejectedException {
        return accept(verified.signerCertificate(), verified.document(), at);
    }

    /** Runs every check on a verified message: reads its sender and requests, binds the signer, authorises. */
    public Party accept(X509Certificate signer, Document verifiedDocument, Instant at) throws MessageRejectedException {
        return accept(signer, AuthorityExtractor.extract(verifiedDocument), at);
    }

    /** Binds the signer to the claimed sender and authorises what the message asks for. */
    public Party accept(X509Certificate signer, MessageClaims claims, Instant at) throws MessageRejectedException {
        Party party = bind(signer, claims.sender(), at);
        AuthorityCheck.authorise(party, claims.requested());
        return party;
    }

    /** The certificate half alone: the signer is {@code sender}'s and its certificate is sound at {@code at}. */
    public Party bind(X509Certificate signer, PartyId sender, Instant at) throws MessageRejectedException {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(at, "at");
        Party party = directory.party(sender).orElseThrow(() -> new MessageRejectedException(
                ErrorCode.SENDER_UNKNOWN, "sender " + sender + " is not in directory " + directory.source()));
        boolean pinned = party.pinned().contains(signer);
        if (!pinned && !party.recognises(signer)) {
            throw notTheSender(party, signer);
        }
        validator.validate(signer, pinned, at);
        return party;
    }

    private MessageRejectedException notTheSender(Party sender, X509Certificate signer) {
        String subject = String.valueOf(signer.getSubjectX500Principal());
        List<Party> owners = directory.partiesRecognising(signer);
        if (!owners.isEmpty()) {
            return new MessageRejectedException(ErrorCode.SIGNER_NOT_SENDER, "header names " + sender.id()
                    + " but the signer " + subject + " is " + owners.get(0).id());
        }
        if (sender.hasAnchorOf(signer)) {
            return new MessageRejectedException(ErrorCode.CERTIFICATE_SUBJECT_NOT_ALLOWED, "signer " + subject
                    + " is issued by an anchor of " + sender.id() + " but its subject is not allowed for it");
        }
        return new MessageRejectedException(ErrorCode.CERTIFICATE_UNTRUSTED, "signer " + subject + " (issuer "
                + signer.getIssuerX500Principal() + ") is neither pinned for " + sender.id()
                + " nor issued by one of its anchors");
    }
}
