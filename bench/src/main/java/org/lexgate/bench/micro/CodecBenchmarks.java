package org.lexgate.bench.micro;

import java.util.concurrent.TimeUnit;
import org.lexgate.hi1.core.HI1Message;
import org.lexgate.message.Hi1Codec;
import org.lexgate.message.ParsedMessage;
import org.lexgate.message.xml.HardenedXml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Document;

/**
 * {@link Hi1Codec} on a signed routine request of 2 KB and 100 KB:
 * <ul>
 *   <li>{@code hardenedParse}: bytes to DOM with lexgate's limits, nothing else;</li>
 *   <li>{@code validate}: the checks after parsing on a parsed DOM (root, xsi:type screen, schema
 *       with the lexical rules, dictionaries) — schema validation's price;</li>
 *   <li>{@code parse}: all of it plus binding to JAXB ({@link Hi1Codec#parse(byte[])});</li>
 *   <li>{@code write}: JAXB to bytes, read back through every check ({@link Hi1Codec#write}).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBenchmarks {

    @Param({"2048", "102400"})
    public int size;

    private Hi1Codec codec;
    private byte[] signed;
    private Document parsed;
    private HI1Message message;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        codec = MicroState.fixture().codec();
        signed = MicroState.fixture().requestSigner(org.lexgate.bench.fixture.BenchFixture.Algorithm.RSA)
                .sign(MicroState.request(size));
        parsed = codec.readChecked(signed);
        message = codec.parse(signed).message();
    }

    @Benchmark
    public Document hardenedParse() throws Exception {
        return HardenedXml.parse(signed, codec.limits());
    }

    @Benchmark
    public Document validate() throws Exception {
        codec.check(parsed);
        return parsed;
    }

    @Benchmark
    public ParsedMessage parse() throws Exception {
        return codec.parse(signed);
    }

    @Benchmark
    public byte[] write() throws Exception {
        return codec.write(message);
    }
}
