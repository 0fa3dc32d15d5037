package org.lexgate.store;

import java.time.Instant;
import java.util.UUID;

/** The signed receipt of a message: the one we sent back (inbound) or the one we got (outbound). */
public record StoredReceipt(UUID messageId, byte[] signedBytes, String sha256, SignerRef signer,
                            Instant recordedAt) {
}
