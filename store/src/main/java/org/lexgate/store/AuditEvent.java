package org.lexgate.store;

import java.time.Instant;

/**
 * An event as the trail holds it: its place in the chain ({@code seq}, from 1, no gaps), when it
 * was recorded, the entry, and the chain hashes (see {@link AuditTrail}).
 */
public record AuditEvent(long seq, Instant recordedAt, AuditEntry entry, String prevHash, String rowHash) {
}
