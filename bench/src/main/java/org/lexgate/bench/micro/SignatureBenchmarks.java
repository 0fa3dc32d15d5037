package org.lexgate.bench.micro;

import java.util.concurrent.TimeUnit;
import org.lexgate.bench.fixture.BenchFixture;
import org.lexgate.trust.signature.DocumentSigner;
import org.lexgate.trust.signature.DocumentVerifier;
import org.lexgate.trust.signature.VerifiedDocument;
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
 * The document signature (enveloped, C14N 1.1, SHA-256) on a routine request of 2 KB and 100 KB,
 * RSA-2048 and ECDSA-P256:
 * <ul>
 *   <li>{@code sign}: {@link DocumentSigner#sign(byte[])} — parse, sign, splice, and the signer's
 *       own check that the result verifies (so it costs a sign plus a verify);</li>
 *   <li>{@code verify}: {@link DocumentVerifier#verify(byte[])} — hardened parse, shape checks,
 *       certificate from KeyInfo, signature value and digest.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmarks {

    @Param({"2048", "102400"})
    public int size;

    @Param({"RSA", "ECDSA"})
    public String algorithm;

    private DocumentSigner signer;
    private DocumentVerifier verifier;
    private byte[] unsigned;
    private byte[] signed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        signer = MicroState.fixture().requestSigner(BenchFixture.Algorithm.parse(algorithm));
        verifier = MicroState.fixture().verifier();
        unsigned = MicroState.request(size);
        signed = signer.sign(unsigned);
    }

    @Benchmark
    public byte[] sign() throws Exception {
        return signer.sign(unsigned);
    }

    @Benchmark
    public VerifiedDocument verify() throws Exception {
        return verifier.verify(signed);
    }
}
