package org.lexgate.trust.directory;

import java.util.Objects;

/** A party's signers recognised by issuer and subject: certificates from {@code anchor} whose subject satisfies {@code subject}. */
public record AnchoredSigner(Anchor anchor, SubjectConstraint subject) {

    public AnchoredSigner {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(subject, "subject");
    }
}
