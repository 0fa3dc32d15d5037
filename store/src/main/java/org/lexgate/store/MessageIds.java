package org.lexgate.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Message ids as time-ordered UUIDs (version 7, RFC 9562 §5.7): the first 48 bits are the
 * recording time in Unix milliseconds, the other 74 free bits random. Internal.
 *
 * <p>Why not {@link UUID#randomUUID()}: a message id is the key of four B-tree indexes written with
 * every message ({@code message}, {@code inbound_key.message_id}, {@code receipt}, the roles'
 * {@code role_handled}). Random keys land on a different leaf of each index for every message, and
 * each commit rewrites every leaf it touched (H2 copies whole pages; PostgreSQL dirties them for its
 * next checkpoint). Ids that grow with time land on the rightmost leaf, which the messages of one
 * commit share. Both databases order UUIDs by their bytes, most significant first, and so does the
 * id's text, so the order holds in every column. The random bits keep ids unguessable and unique:
 * within one millisecond two ids collide with a chance of about 2<sup>-74</sup>.
 */
final class MessageIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {
    }

    /** A new id for a message recorded at {@code recordedAt}. */
    static UUID next(Instant recordedAt) {
        long millis = recordedAt.toEpochMilli();
        long random = RANDOM.nextLong();
        long randA = RANDOM.nextInt() & 0x0FFFL;
        long high = (millis << 16) | 0x7000L | randA;
        long low = (random & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
