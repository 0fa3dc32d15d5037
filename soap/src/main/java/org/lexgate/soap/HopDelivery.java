package org.lexgate.soap;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One message handed over by a neighbour, after the hop checks passed.
 *
 * @param message   the signed HI1Message exactly as the neighbour sent it (not copied: do not
 *                  modify it). Its own document signature has NOT been checked yet.
 * @param hopSigner the certificate that signed the hop (the SOAP Body and Timestamp), verified
 *                  against the hop truststore
 * @param neighbour the party id the {@link NeighbourPolicy} named for that certificate
 */
public record HopDelivery(byte[] message, X509Certificate hopSigner, String neighbour) {
    public HopDelivery {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hopSigner, "hopSigner");
        Objects.requireNonNull(neighbour, "neighbour");
    }
}
