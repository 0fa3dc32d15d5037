package org.lexgate.gateway.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * How the ETSI POST endpoint reads a body: into one array of the declared size while the endpoint's
 * requests together have not claimed more than the message limit that way, else piece by piece as
 * the bytes arrive — so that claims alone cannot make the node allocate.
 */
class EtsiHttpBodyTest {

    /** Records how much of the up-front budget was free when the first byte was read. */
    private static final class Watching extends InputStream {
        private final ByteArrayInputStream bytes;
        private final AtomicLong budget;
        long freeAtFirstRead = -1;

        Watching(byte[] body, AtomicLong budget) {
            this.bytes = new ByteArrayInputStream(body);
            this.budget = budget;
        }

        @Override
        public int read() {
            note();
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            note();
            return bytes.read(b, off, len);
        }

        private void note() {
            if (freeAtFirstRead < 0) {
                freeAtFirstRead = budget.get();
            }
        }
    }

    @Test
    void aDeclaredBodyWithinTheBudgetIsReadIntoOneArrayAndTheBudgetIsGivenBack() throws IOException {
        AtomicLong budget = new AtomicLong(100);
        byte[] body = new byte[80];
        body[79] = 7;
        Watching in = new Watching(body, budget);

        byte[] read = EtsiHttpEndpoint.readBody(in, "80", 100, budget).toArray();

        assertThat(read).isEqualTo(body);
        assertThat(in.freeAtFirstRead).as("80 of the 100 bytes taken while reading").isEqualTo(20);
        assertThat(budget.get()).as("given back once the bytes are in").isEqualTo(100);
    }

    @Test
    void aClaimTheBudgetCannotCoverIsReadAsTheBytesArrive() throws IOException {
        AtomicLong budget = new AtomicLong(100);
        budget.addAndGet(-50); // another request holds 50
        byte[] body = new byte[80];
        Watching in = new Watching(body, budget);

        byte[] read = EtsiHttpEndpoint.readBody(in, "80", 100, budget).toArray();

        assertThat(read).isEqualTo(body);
        assertThat(in.freeAtFirstRead).as("nothing taken: read piece by piece").isEqualTo(50);
        assertThat(budget.get()).isEqualTo(50);
    }

    @Test
    void aBodyShorterThanItsClaimOrOverTheLimitIsReturnedAsItCame() throws IOException {
        AtomicLong budget = new AtomicLong(100);

        assertThat(EtsiHttpEndpoint.readBody(new ByteArrayInputStream(new byte[10]), "80", 100, budget).toArray()).hasSize(10);
        assertThat(budget.get()).isEqualTo(100);
        assertThat(EtsiHttpEndpoint.readBody(new ByteArrayInputStream(new byte[300]), "300", 100, budget).toArray())
                .as("a claim over the limit: at most limit + 1 bytes, which the parser refuses").hasSize(101);
        assertThat(EtsiHttpEndpoint.readBody(new ByteArrayInputStream(new byte[30]), null, 100, budget).toArray()).hasSize(30);
        assertThat(EtsiHttpEndpoint.readBody(new ByteArrayInputStream(new byte[30]), "x", 100, budget).toArray()).hasSize(30);
        assertThat(budget.get()).isEqualTo(100);
    }

    @Test
    void aBodyWithoutALengthIsKeptInThePiecesItWasReadInUpToTheLimit() throws IOException {
        byte[] body = new byte[3 * 1024 * 1024 + 5];
        new java.util.SplittableRandom(3).nextBytes(body);
        AtomicLong budget = new AtomicLong(Long.MAX_VALUE);

        org.lexgate.store.SignedBytes read = EtsiHttpEndpoint.readBody(new ByteArrayInputStream(body), null,
                64L * 1024 * 1024, budget);

        assertThat(read.isArray()).as("not joined").isFalse();
        assertThat(read.length()).isEqualTo(body.length);
        assertThat(read.contentEquals(body)).isTrue();
        assertThat(read.stream().readAllBytes()).isEqualTo(body);
        assertThat(read.sha256Hex()).isEqualTo(org.lexgate.gateway.receipt.Digests.sha256Hex(body));

        org.lexgate.store.SignedBytes capped = EtsiHttpEndpoint.readBody(new ByteArrayInputStream(body), null,
                1024 * 1024, budget);
        assertThat(capped.length()).as("limit + 1, which the parser refuses").isEqualTo(1024 * 1024 + 1);
        assertThat(EtsiHttpEndpoint.readBody(new ByteArrayInputStream(new byte[0]), null, 100, budget).length()).isZero();
        assertThat(EtsiHttpEndpoint.readBody(new ByteArrayInputStream(new byte[8192]), null, 100_000, budget).isArray())
                .as("one piece").isTrue();
    }
}
