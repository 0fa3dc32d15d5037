package org.lexgate.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay store remembers what it saw, across a reopen, for as long as a Timestamp can be valid. */
class JdbcReplayCacheTest {

    static final Duration WINDOW = Duration.ofSeconds(360);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

    @Test
    void firstSightingPassesAndTheSecondIsAReplay() {
        try (JdbcReplayCache cache = JdbcReplayCache.h2File(dir.resolve("r"), WINDOW, clock)) {
            assertThat(cache.contains("2026-11-28T12:00:00.000Z|sig|key")).isFalse();
            cache.add("2026-11-28T12:00:00.000Z|sig|key", clock.instant().plusSeconds(300));

            assertThat(cache.contains("2026-11-28T12:00:00.000Z|sig|key")).isTrue();
            assertThat(cache.contains("2026-11-28T12:00:00.000Z|other|key")).isFalse();
        }
    }

    @Test
    void checkingRecordsSoTwoSimultaneousCopiesCannotBothPass() {
        try (JdbcReplayCache cache = JdbcReplayCache.h2File(dir.resolve("r"), WINDOW, clock)) {
            assertThat(cache.contains("id")).isFalse(); // first copy, before WSS4J calls add()
            assertThat(cache.contains("id")).isTrue();  // second copy arriving at the same moment
        }
    }

    @Test
    void entriesSurviveClosingAndReopeningTheStore() {
        try (JdbcReplayCache cache = JdbcReplayCache.h2File(dir.resolve("r"), WINDOW, clock)) {
            cache.contains("id");
            cache.add("id", clock.instant().plusSeconds(300));
        }
        try (JdbcReplayCache reopened = JdbcReplayCache.h2File(dir.resolve("r"), WINDOW, clock)) {
            assertThat(reopened.contains("id")).isTrue();
        }
    }

    @Test
    void anEntryIsForgottenOnlyAfterItsTimestampExpired() {
        try (JdbcReplayCache cache = JdbcReplayCache.h2File(dir.resolve("r"), WINDOW, clock)) {
            cache.contains("id");
            cache.add("id", clock.instant().plusSeconds(300));

            clock.advance(Duration.ofSeconds(299));
            assertThat(cache.contains("id")).isTrue();
            clock.advance(Duration.ofSeconds(2));
            assertThat(cache.contains("id")).isFalse();
        }
    }

    @Test
    void theAddAfterAContainsWritesNothingSoTheEntryLastsTheWholeWindow() {
        try (JdbcReplayCache cache = JdbcReplayCache.h2File(dir.resolve("r"), WINDOW, clock)) {
            cache.add("earlier", clock.instant().plusSeconds(300)); // runs the first purge
            cache.contains("id");
            cache.add("id", clock.instant().plusSeconds(300)); // skipped: contains stored it for the window

            clock.advance(Duration.ofSeconds(301));
            assertThat(cache.contains("id")).as("kept past its Expires, up to the window").isTrue();
        }
        try (JdbcReplayCache cache = JdbcReplayCache.h2File(dir.resolve("r"), WINDOW, clock)) {
            clock.advance(WINDOW);
            assertThat(cache.contains("id")).as("forgotten after the window").isFalse();
        }
    }

    @Test
    void aFarExpiresIsCappedAtTheReplayWindow() {
        try (JdbcReplayCache cache = JdbcReplayCache.h2File(dir.resolve("r"), WINDOW, clock)) {
            cache.contains("id");
            cache.add("id", clock.instant().plus(Duration.ofDays(3650)));

            clock.advance(WINDOW.plusSeconds(1));
            cache.add("other", clock.instant().plusSeconds(10)); // triggers the purge
            assertThat(cache.size()).isEqualTo(1);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
