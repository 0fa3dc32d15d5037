package org.lexgate.soap;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether the verified hop signer is a neighbour this endpoint (or, on the client side,
 * this destination) takes messages from. Issue 3 item 4: "the hop signer must be the neighbour the
 * directory names for that endpoint". The party directory implements it; a refusal becomes
 * {@code 9307 HOP_SIGNER_NOT_NEIGHBOUR}.
 *
 * <p>It is asked only after WS-Security has verified the signature, the certificate chain and the
 * timestamp, so the certificate it gets is the one that really signed the hop.
 */
@FunctionalInterface
public interface NeighbourPolicy {

    /** The verdict on one verified hop signer certificate. */
    Verdict check(X509Certificate hopSigner);

    /** Either {@link Neighbour} or {@link NotNeighbour}. */
    sealed interface Verdict permits Neighbour, NotNeighbour {
    }

    /** The signer is the neighbour {@code partyId} (as the party directory names it). */
    record Neighbour(String partyId) implements Verdict {
        public Neighbour {
            Objects.requireNonNull(partyId, "partyId");
        }
    }

    /** The signer is not a neighbour of this endpoint; {@code reason} is for the log only. */
    record NotNeighbour(String reason) implements Verdict {
        public NotNeighbour {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A policy that accepts exactly the pinned certificates (byte-for-byte), each naming its party.
     * Good for a fixed pair of nodes and for tests; a node normally asks its party directory.
     */
    static NeighbourPolicy pinned(Map<String, X509Certificate> certificateByParty) {
        Map<String, X509Certificate> pins = Map.copyOf(certificateByParty);
        return signer -> {
            byte[] encoded = encoded(signer);
            for (Map.Entry<String, X509Certificate> pin : pins.entrySet()) {
                if (Arrays.equals(encoded, encoded(pin.getValue()))) {
                    return new Neighbour(pin.getKey());
                }
            }
            return new NotNeighbour("certificate " + signer.getSubjectX500Principal().getName()
                    + " (serial " + signer.getSerialNumber().toString(16) + ") is not pinned for this hop");
        };
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("unreadable certificate", e);
        }
    }
}
