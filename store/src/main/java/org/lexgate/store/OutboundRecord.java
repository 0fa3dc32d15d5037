package org.lexgate.store;

import java.time.Instant;
import java.util.UUID;

/** An outbound message with its delivery state, as {@link OutboundStore} reports it. */
public record OutboundRecord(UUID messageId, String sender, String receiver, String transactionId,
                             String destination, Lane lane, String caseRef, byte[] signedBytes,
                             OutboundState state, int attempts, String lastError, Instant lastAttemptAt,
                             Instant recordedAt, Instant deliveredAt, int resendCount) {
}
