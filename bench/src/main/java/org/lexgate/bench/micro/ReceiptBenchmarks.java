package org.lexgate.bench.micro;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.bench.fixture.Receipts;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The receipt for an accepted request ({@link Receipts}): {@code build} (JAXB objects only),
 * {@code buildAndWrite} (plus the codec's write with its re-check), {@code create} (plus the
 * document signature: what a node spends per receipt). RSA-2048 is the provider node's key; ECDSA
 * prices the same receipt signed with the test PKI's P-256 key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReceiptBenchmarks {

    @Param({"RSA", "ECDSA"})
    public String algorithm;

    private Hi1Codec codec;
    private Receipts receipts;
    private HI1Message request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BenchFixture fixture = MicroState.fixture();
        BenchFixture.Algorithm alg = BenchFixture.Algorithm.parse(algorithm);
        codec = fixture.codec();
        receipts = new Receipts(codec, alg == BenchFixture.Algorithm.RSA ? fixture.receiptSigner() : fixture.requestSigner(alg));
        request = codec.parse(fixture.requestSigner(BenchFixture.Algorithm.RSA).sign(MicroState.request(2048))).message();
    }

    @Benchmark
    public HI1Message build() {
        return Receipts.build(request, Instant.now());
    }

    @Benchmark
    public byte[] buildAndWrite() throws Exception {
        return codec.write(Receipts.build(request, Instant.now()));
    }

    @Benchmark
    public byte[] create() throws Exception {
        return receipts.signedReceipt(request);
    }
}
