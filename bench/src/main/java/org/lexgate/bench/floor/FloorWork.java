package org.lexgate.bench.floor;

import java.time.Instant;
import java.util.Objects;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.bench.fixture.HopEnvelopes;
import org.lexgate.bench.fixture.Receipts;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.xml.HardenedXml;
import org.lexgate.trust.signature.VerifiedDocument;

/**
 * The cryptographic and XML work one accepted message inherently needs at a receiving node, done
 * with lexgate's own components and nothing else (no HTTP, no queue, no database, no routing):
 * <ol>
 *   <li>{@link Step#HOP_VERIFY}: parse the SOAP envelope, verify its WS-Security header (signed
 *       Timestamp and Body, certificate trust) with WSS4J and take the message out of the Body
 *       (only when the transport is the SOAP hop);</li>
 *   <li>{@link Step#DOCUMENT_VERIFY}: hardened parse and document-signature verification
 *       ({@code DocumentVerifier});</li>
 *   <li>{@link Step#VALIDATE}: the codec's checks on that DOM (namespace, xsi:type, schema and
 *       lexical rules, dictionaries) and binding to JAXB;</li>
 *   <li>{@link Step#AUTHORISE}: sender binding (certificate path to the directory's anchor, CRL,
 *       party and authority);</li>
 *   <li>{@link Step#RECEIPT}: build the receipt, marshal it to a DOM checked by the codec, sign it
 *       in place and serialise it once (as the node's {@code ReceiptWriter});</li>
 *   <li>{@link Step#HOP_SIGN}: sign the response envelope that carries the receipt back (SOAP only).</li>
 * </ol>
 * The message is parsed once and that DOM is verified, checked and bound, as in the node's accept route.
 */
public final class FloorWork {

    /** One step of the work, in order. */
    public enum Step {
        HOP_VERIFY, DOCUMENT_VERIFY, VALIDATE, AUTHORISE, RECEIPT, HOP_SIGN
    }

    private final BenchFixture fixture;
    private final Receipts receipts;
    private final HopEnvelopes nodeHop;
    private final boolean soap;

    /**
     * @param nodeHop the receiving node's hop keys (verifies requests, signs responses)
     * @param soap whether the transport is the SOAP hop (steps 1 and 6) or a bare POST/queue
     */
    public FloorWork(BenchFixture fixture, HopEnvelopes nodeHop, boolean soap) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
        this.receipts = new Receipts(fixture.codec(), fixture.receiptSigner());
        this.nodeHop = Objects.requireNonNull(nodeHop, "nodeHop");
        this.soap = soap;
    }

    public boolean soap() {
        return soap;
    }

    /**
     * Does the work for one input (an envelope for SOAP, the signed message otherwise), adding each
     * step's nanoseconds to {@code stepNanos} (indexed by {@link Step#ordinal()}).
     *
     * @return the bytes sent back (the signed response envelope, or the signed receipt)
     */
    public byte[] process(byte[] input, long[] stepNanos) throws Exception {
        long t0 = System.nanoTime();
        byte[] message = soap ? nodeHop.verify(input) : input;
        long t1 = System.nanoTime();
        VerifiedDocument verified = fixture.verifier().verify(message, HardenedXml.parse(message, fixture.codec().limits()));
        long t2 = System.nanoTime();
        fixture.codec().check(verified.document());
        HI1Message typed = fixture.codec().bind(verified.document());
        long t3 = System.nanoTime();
        fixture.binding().accept(verified, Instant.now());
        long t4 = System.nanoTime();
        byte[] receipt = receipts.signedReceipt(typed);
        long t5 = System.nanoTime();
        byte[] out = soap ? nodeHop.sign(receipt) : receipt;
        long t6 = System.nanoTime();
        stepNanos[Step.HOP_VERIFY.ordinal()] += t1 - t0;
        stepNanos[Step.DOCUMENT_VERIFY.ordinal()] += t2 - t1;
        stepNanos[Step.VALIDATE.ordinal()] += t3 - t2;
        stepNanos[Step.AUTHORISE.ordinal()] += t4 - t3;
        stepNanos[Step.RECEIPT.ordinal()] += t5 - t4;
        stepNanos[Step.HOP_SIGN.ordinal()] += t6 - t5;
        return out;
    }
}
