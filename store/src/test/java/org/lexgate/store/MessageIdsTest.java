package org.lexgate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void anIdIsAVersion7UuidThatCarriesItsMillisecond() {
        Instant at = Instant.parse("2026-12-08T01:02:03.456789Z");
        UUID id = MessageIds.next(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
        assertTrue(id.toString().startsWith(String.format("%08x-%04x", at.toEpochMilli() >>> 16,
                at.toEpochMilli() & 0xFFFF)), id.toString());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsBytesAndAsText() {
        Instant t = Instant.parse("2026-12-08T01:00:00Z");
        UUID previous = MessageIds.next(t);
        for (int i = 1; i <= 1_000; i++) {
            UUID next = MessageIds.next(t.plusMillis(i));
            assertTrue(Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits()) > 0);
            assertTrue(next.toString().compareTo(previous.toString()) > 0, next + " after " + previous);
            previous = next;
        }
    }

    @Test
    void idsOfOneMillisecondAreStillUnique() {
        Instant t = Instant.parse("2026-12-08T01:00:00Z");
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(seen.add(MessageIds.next(t)));
        }
    }
}
