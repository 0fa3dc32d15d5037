package org.lexgate.trust.accept;

import java.time.Instant;
import java.util.Objects;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.MessageRejectedException;
import org.lexgate.trust.binding.SenderBinding;
import org.lexgate.trust.directory.Party;
import org.lexgate.trust.directory.PartyDirectory;
import org.lexgate.trust.signature.DocumentVerifier;
import org.lexgate.trust.signature.VerifiedDocument;
import org.w3c.dom.Document;

/**
 * Every acceptance check a node runs on a message, in the order of DESIGN.md: limits and hardened
 * parse, schema and dictionaries, document signature, sender binding and authority (§22, §24, §51).
 * The typed message handed back is bound from the DOM whose signature was verified, so nothing
 * downstream reads bytes that were not verified.
 *
 * <p>Thread-safe; one instance serves every route of a node.
 */
public final class MessageAcceptance {

    private final Hi1Codec codec;
    private final DocumentVerifier verifier;
    private final SenderBinding binding;

    public MessageAcceptance(Hi1Codec codec, DocumentVerifier verifier, SenderBinding binding) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    /** The default codec and verifier, with the sender binding of the given directory. */
    public static MessageAcceptance forDirectory(PartyDirectory directory) {
        return new MessageAcceptance(Hi1Codec.createDefault(), new DocumentVerifier(), new SenderBinding(directory));
    }

    /**
     * Runs every check on untrusted bytes as at the given time.
     *
     * @throws MessageRejectedException with the code of the first rule the message breaks
     */
    public AcceptedMessage accept(byte[] bytes, Instant at) throws MessageRejectedException {
        byte[] copy = bytes.clone(); // the verified bytes must not change under the caller's hands
        Document checked = codec.readChecked(copy);
        VerifiedDocument verified = verifier.verify(copy, checked); // the same DOM: one parse, not two
        Party sender = binding.accept(verified, at);
        HI1Message message = codec.bind(verified.document());
        return new AcceptedMessage(verified, sender, message);
    }

    /**
     * A message that passed every check.
     *
     * @param verified the exact bytes, the verified DOM and the signer's certificate
     * @param sender the directory's entry for the party that signed and sent it
     * @param message the typed message, bound from the verified DOM
     */
    public record AcceptedMessage(VerifiedDocument verified, Party sender, HI1Message message) {
    }
}
