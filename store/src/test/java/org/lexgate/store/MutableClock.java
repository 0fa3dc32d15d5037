package org.lexgate.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand. Starts at 2026-11-28T09:00:00.123456Z; advances 1 ms per read so times differ. */
final class MutableClock extends Clock {

    private Instant now = Instant.parse("2026-11-28T09:00:00.123456Z");

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    synchronized Instant peek() {
        return now;
    }

    @Override
    public synchronized Instant instant() {
        now = now.plusMillis(1);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
