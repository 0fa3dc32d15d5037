/**
 * The node's durable record (DESIGN.md "Store", "Nothing lost, nothing twice"; issue 4 items 3–7, 9).
 *
 * <p>Start at {@link org.lexgate.store.Store}: {@code Store.open(StoreSettings)} connects to H2
 * (default: an embedded file database) or PostgreSQL, migrates with Flyway, and hands out:
 * <ul>
 *   <li>{@link org.lexgate.store.MessageStore} — {@code recordInbound} (message + receipt + audit in
 *       one transaction; {@link org.lexgate.store.InboundOutcome.Duplicate} with the original receipt
 *       for a repeated business key), lookups, {@code recordRefusal} (audit only).</li>
 *   <li>{@link org.lexgate.store.OutboundStore} — outbound messages, attempts, receipts, dead letters
 *       and resends.</li>
 *   <li>{@link org.lexgate.store.ObjectStore} — ETSI objects with two-sided status, Generation,
 *       GET and LIST.</li>
 *   <li>{@link org.lexgate.store.AuditTrail} — the append-only, hash-chained trail.</li>
 *   <li>{@link org.lexgate.store.FollowUpClocks} — Budapest Convention Art. 29(7) clocks.</li>
 * </ul>
 * Every failure is a {@link org.lexgate.store.StoreException} that says whether a retry may help.
 * Tables and their rules: {@code store/README.md}.
 */
package org.lexgate.store;
