package org.lexgate.store;

import java.util.Objects;

/**
 * A signed receipt to store: the exact bytes of the ETSI response and who signed it.
 * The array is stored as given; do not change it afterwards.
 */
public record SignedReceipt(byte[] signedBytes, SignerRef signer) {

    public SignedReceipt {
        Objects.requireNonNull(signedBytes, "signedBytes");
        Objects.requireNonNull(signer, "signer");
        if (signedBytes.length == 0) {
            throw new IllegalArgumentException("a receipt has bytes");
        }
    }
}
