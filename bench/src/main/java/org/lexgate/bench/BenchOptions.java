package org.lexgate.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lexgate.bench.fixture.BenchFixture;

/**
 * The command line of {@code lexgate bench}. Every option has a default; {@code --smoke} shrinks
 * every duration so the whole run takes seconds (it checks that the benchmark works, not speed).
 */
final class BenchOptions {

    /** The parts of a run ({@code load} includes the delivery; {@code delivery} runs it alone). */
    enum Part { MICRO, FLOOR, LOAD, DELIVERY }

    static final String USAGE = """
            Usage: lexgate bench [options]
              --smoke                 a run of a few seconds (every figure, short durations)
              --only PARTS            comma-separated: micro,floor,load,delivery (default: all;
                                      load includes the delivery, delivery runs it alone)
              --out DIR               where the JSON files go (default: bench-results)
              --threads N             concurrent senders, and floor threads (default: 32 senders; floor: cores)
              --warmup SECONDS        warm-up before each load phase (default 4; smoke 1; floor: 3)
              --duration SECONDS      measured time of each load phase (default 12; smoke 2; floor: 6)
              --algorithms LIST       rsa,ecdsa (default both)
              --url URL               drive a node that is already running (its ETSI POST address;
                                      it must trust the test PKI in --fixture)
              --emergency-url URL     with --url: the node's emergency intake, where the emergency
                                      requests go (default: --url)
              --drain-timeout SECONDS the longest wait for the node's processing backlog before the
                                      floor and each phase (default 120; smoke 30)
              --rate N                offered requests/s of the fixed-rate phase (default 250)
              --database JDBC-URL     the node under test keeps its record there (e.g. PostgreSQL:
                                      jdbc:postgresql://127.0.0.1:5432/test?user=postgres), in a new
                                      schema per run, instead of its embedded H2 (default)
              --jmh REGEX             only the JMH benchmarks matching REGEX
              --fixture DIR           reuse the test PKI and directory in DIR (default: a temporary folder)
              --help
            """;

    boolean smoke;
    Set<Part> parts = EnumSet.allOf(Part.class);
    Path out = Path.of("bench-results");
    int senders = 32;
    int floorThreads = Runtime.getRuntime().availableProcessors();
    Duration warmup;
    Duration duration;
    List<BenchFixture.Algorithm> algorithms = List.of(BenchFixture.Algorithm.RSA, BenchFixture.Algorithm.ECDSA);
    URI url;
    URI emergencyUrl;
    /** The database of the node under test (a new schema per run), or null for its embedded H2. */
    String database;
    Duration drainTimeout;
    String jmhInclude;
    Path fixture;
    boolean help;
    /** Offered rate of the fixed-rate phase (the latency target is at 250/s). */
    double offeredRate = 250;
    /** Emergency requests per second beside saturating routine traffic. */
    double emergencyRate = 5;

    /** Floor warm-up: shorter than the load's, the floor has no queues to fill. */
    Duration floorWarmup() {
        return smoke ? Duration.ofMillis(500) : Duration.ofSeconds(3);
    }

    /** Floor measured time. */
    Duration floorMeasure() {
        return smoke ? Duration.ofSeconds(1) : Duration.ofSeconds(6);
    }

    static BenchOptions parse(String[] args) {
        BenchOptions o = new BenchOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> o.smoke = true;
                case "--help", "-h" -> o.help = true;
                case "--only" -> {
                    o.parts = EnumSet.noneOf(Part.class);
                    for (String p : value(args, ++i, a).split(",")) {
                        o.parts.add(Part.valueOf(p.trim().toUpperCase(Locale.ROOT)));
                    }
                }
                case "--out" -> o.out = Path.of(value(args, ++i, a));
                case "--threads" -> {
                    o.senders = positive(value(args, ++i, a), a);
                    o.floorThreads = o.senders;
                }
                case "--warmup" -> o.warmup = Duration.ofMillis((long) (Double.parseDouble(value(args, ++i, a)) * 1000));
                case "--duration" -> o.duration = Duration.ofMillis((long) (Double.parseDouble(value(args, ++i, a)) * 1000));
                case "--algorithms" -> {
                    List<BenchFixture.Algorithm> list = new ArrayList<>();
                    for (String p : value(args, ++i, a).split(",")) {
                        list.add(BenchFixture.Algorithm.parse(p));
                    }
                    o.algorithms = List.copyOf(list);
                }
                case "--url" -> o.url = URI.create(value(args, ++i, a));
                case "--emergency-url" -> o.emergencyUrl = URI.create(value(args, ++i, a));
                case "--drain-timeout" -> o.drainTimeout = Duration.ofMillis(
                        (long) (Double.parseDouble(value(args, ++i, a)) * 1000));
                case "--database" -> o.database = value(args, ++i, a);
                case "--rate" -> o.offeredRate = Double.parseDouble(value(args, ++i, a));
                case "--jmh" -> o.jmhInclude = value(args, ++i, a);
                case "--fixture" -> o.fixture = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.warmup == null) {
            o.warmup = Duration.ofSeconds(o.smoke ? 1 : 4);
        }
        if (o.duration == null) {
            o.duration = Duration.ofSeconds(o.smoke ? 2 : 12);
        }
        if (o.drainTimeout == null) {
            o.drainTimeout = Duration.ofSeconds(o.smoke ? 30 : 120);
        }
        if (o.database != null && (o.url != null || !o.database.startsWith("jdbc:"))) {
            throw new IllegalArgumentException("--database takes a JDBC URL, for a node the benchmark starts (not with --url)");
        }
        if (o.emergencyUrl != null && o.url == null) {
            throw new IllegalArgumentException("--emergency-url goes with --url (a node the benchmark starts has its own)");
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String v, String option) {
        int n = Integer.parseInt(v);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}
