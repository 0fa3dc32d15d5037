package org.lexgate.store;

import java.time.Instant;
import java.util.UUID;

/** An outbound message delivery gave up on, for {@code lexgate dlq list}. */
public record DeadLetter(UUID messageId, String destination, Lane lane, String sender, String transactionId,
                         String caseRef, int code, String reason, int attempts, String lastError,
                         Instant deadLetteredAt, int resendCount) {
}
