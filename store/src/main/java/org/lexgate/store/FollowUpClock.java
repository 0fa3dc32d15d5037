package org.lexgate.store;

import java.time.Instant;
import java.util.UUID;

/**
 * The follow-up clock of a preservation received through the 24/7 network: the requester must
 * send the mutual-legal-assistance request before {@code deadline} (at least 60 days after
 * {@code startedAt}, Budapest Convention Art. 29(7)).
 */
public record FollowUpClock(String caseRef, String requester, UUID preservationMessageId, Instant startedAt,
                            Instant deadline, Instant warnedAt, Instant stoppedAt, FollowUpStopReason stopReason,
                            String stopDetail) {

    public boolean running() {
        return stoppedAt == null;
    }
}
