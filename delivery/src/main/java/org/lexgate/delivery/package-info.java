/**
 * Work in flight: the broker and outbound delivery.
 *
 * <h2>Map</h2>
 * <ul>
 *   <li>{@link org.lexgate.delivery.Broker}, {@link org.lexgate.delivery.BrokerSettings} — embedded
 *       Artemis (persistent NIO journal, DLQ and expiry for {@code #}, in-VM and optional loopback
 *       TCP acceptor) or an external one; the connection factory for Camel.</li>
 *   <li>{@link org.lexgate.delivery.OutboundDelivery} — adds the routes to the node's Camel context;
 *       {@link org.lexgate.delivery.OutboundDispatcher#enqueue} queues a signed message.</li>
 *   <li>{@link org.lexgate.delivery.ReceiptCheck}, {@link org.lexgate.delivery.DeliveryListener} —
 *       what the node plugs in: check and store the receipt; record the outcome.</li>
 *   <li>{@link org.lexgate.delivery.DeadLetters} — list and resend for the operator.</li>
 *   <li>Route steps, one rule each: {@code ReadOwnHeaders}, {@code SendSigned}, {@code CheckReceipt},
 *       {@code ReportDelivered}, {@code MoveToDeadLetters}, {@code KeepQueued}
 *       (assembled in {@code OutboundRoutes}).</li>
 * </ul>
 *
 * <h2>What happens to a message</h2>
 * <ol>
 *   <li>Queued persistently on {@code lexgate.out.<party>} or {@code lexgate.out.<party>.emergency}.</li>
 *   <li>Consumed in a JMS transaction; it leaves the queue only when the receipt was checked and the
 *       listener returned (nothing lost across a crash; a repeated send is answered by the receiver's
 *       duplicate check with the original receipt).</li>
 *   <li>Transient failure (unreachable, retryable refusal, receipt check not possible now): retried
 *       by Camel with exponential backoff and jitter up to the destination's limit, then dead-lettered.</li>
 *   <li>Permanent failure (refusal, receipt rejected): straight to {@code lexgate.dead} with reason
 *       and code, in the same transaction.</li>
 *   <li>Partner's circuit open: not sent, not dead-lettered; rolled back to its queue and offered
 *       again after the broker's doubling redelivery delay.</li>
 * </ol>
 *
 * <h2>External broker</h2>
 * An external Artemis needs what {@link org.lexgate.delivery.Broker} configures for the embedded
 * one: queues {@code lexgate.dead} and {@code lexgate.expired}; address settings for {@code #} with
 * those as dead-letter and expiry addresses; for {@code lexgate.out.#} max-delivery-attempts -1 and
 * a redelivery delay with a multiplier.
 */
package org.lexgate.delivery;
