package org.lexgate.gateway.inbound;

import java.util.Optional;
import org.lexgate.message.MessageRejectedException;

/** What the accept route made of one message: accepted (with its receipt) or refused. */
public sealed interface InboundResult {

    /**
     * Stored (now or before) and answered.
     *
     * @param messageId the store id
     * @param receipt the exact bytes of the signed receipt (the original one for a duplicate)
     * @param duplicate true when the business key was already recorded
     */
    record Accepted(String messageId, byte[] receipt, boolean duplicate) implements InboundResult {
    }

    /**
     * Refused; nothing was stored but the audit event.
     *
     * @param refusal the code (and, for the log only, the detail)
     * @param signedError the signed ErrorInformation response, when one was written (not on the SOAP hop)
     */
    record Refused(MessageRejectedException refusal, Optional<byte[]> signedError) implements InboundResult {

        /** True when the same message may succeed later (the node's fault, e.g. 3019). */
        public boolean retryable() {
            return refusal.code().isTransient();
        }
    }
}
