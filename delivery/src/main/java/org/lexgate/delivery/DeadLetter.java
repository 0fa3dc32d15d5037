package org.lexgate.delivery;

import java.time.Instant;

/**
 * One message on the dead-letter queue, as an operator sees it.
 *
 * @param messageId   the node's id for the message (or the JMS id for a message lexgate did not queue)
 * @param destination the party it was for, or the queue the broker moved it from
 * @param emergency   whether it was on the emergency lane
 * @param reason      why it was given up (one line)
 * @param code        the error code of the failure
 * @param time        when it was given up
 * @param attempts    sends tried in its last delivery
 * @param resendable  whether {@link DeadLetters#resend} can put it back (lexgate's outbound messages)
 */
public record DeadLetter(String messageId, String destination, boolean emergency, String reason, int code,
                         Instant time, int attempts, boolean resendable) {
}
