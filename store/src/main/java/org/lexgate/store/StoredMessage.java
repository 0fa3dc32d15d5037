package org.lexgate.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as the store holds it. {@code signedBytes} are the exact bytes received or sent;
 * {@code sha256} is their digest in lower-case hex; {@code neighbour} is the hop neighbour (who
 * handed it to us, or to whom we send it).
 */
public record StoredMessage(UUID id, Direction direction, String sender, String receiver,
                            String transactionId, byte[] signedBytes, String sha256, SignerRef signer,
                            String neighbour, String caseRef, boolean emergency, Instant recordedAt) {
}
