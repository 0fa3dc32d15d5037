package org.lexgate.bench.micro;

import java.util.concurrent.TimeUnit;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.bench.fixture.HopEnvelopes;
import org.lexgate.trust.pki.TestParty;
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
 * The hop signature with WSS4J ({@link HopEnvelopes}: RSA-SHA256 over Timestamp and Body) around a
 * signed request of 2 KB and 100 KB: {@code sign} (build and sign the envelope, as a sending
 * node's client does) and {@code verify} (parse, check, trust, extract, as a receiving node does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HopBenchmarks {

    @Param({"2048", "102400"})
    public int size;

    private HopEnvelopes hop;
    private byte[] message;
    private byte[] envelope;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        BenchFixture fixture = MicroState.fixture();
        hop = new HopEnvelopes(fixture.pki(), fixture.identity(TestParty.XA_AGENCY));
        message = fixture.requestSigner(BenchFixture.Algorithm.RSA).sign(MicroState.request(size));
        envelope = hop.sign(message);
    }

    @Benchmark
    public byte[] sign() throws Exception {
        return hop.sign(message);
    }

    @Benchmark
    public byte[] verify() throws Exception {
        return hop.verify(envelope);
    }
}
