package org.lexgate.bench.micro;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH micro-benchmarks of this package with settings that finish in a few minutes on two
 * cores (one fork per benchmark, 2 x 0.5 s warm-up, 3 x 0.7 s measurement; smoke: in-process, 1 x 0.1 s
 * each), writes JMH's JSON result file, and returns one row per benchmark and parameter set. The
 * benchmarks sample single operations (Mode.SampleTime); the row's figure is the median, with the mean
 * and the 90th percentile beside it.
 */
public final class MicroRunner {

    /** How long to run. */
    public record Settings(int forks, int warmupIterations, long warmupMillis, int measurementIterations,
            long measurementMillis, String include) {

        public static Settings full() {
            return new Settings(1, 2, 500, 3, 700, MicroRunner.class.getPackageName() + ".*Benchmarks.*");
        }

        public static Settings smoke() {
            return new Settings(0, 1, 100, 1, 100, MicroRunner.class.getPackageName() + ".*Benchmarks.*");
        }

        public Settings including(String regex) {
            return new Settings(forks, warmupIterations, warmupMillis, measurementIterations, measurementMillis, regex);
        }
    }

    private MicroRunner() {
    }

    /**
     * Runs the benchmarks. {@code fixtureFolder} holds (or receives) the test PKI, shared by the forks.
     *
     * @return one map per benchmark x parameters: name, params, median us/op, mean, p90, samples, ops/s
     */
    public static List<Map<String, Object>> run(Settings settings, Path fixtureFolder, Path jsonFile, boolean quiet)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(settings.include())
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.milliseconds(settings.measurementMillis()))
                .threads(1)
                .timeUnit(TimeUnit.MICROSECONDS)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(jsonFile.toString())
                .verbosity(quiet ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .jvmArgsAppend("-D" + MicroState.FIXTURE_PROPERTY + "=" + fixtureFolder.toAbsolutePath(), "-Xmx1g");
        System.setProperty(MicroState.FIXTURE_PROPERTY, fixtureFolder.toAbsolutePath().toString());
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            String label = r.getParams().getBenchmark();
            row.put("benchmark", label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1));
            Map<String, Object> params = new LinkedHashMap<>();
            for (String key : r.getParams().getParamsKeys()) {
                params.put(key, r.getParams().getParam(key));
            }
            row.put("params", params);
            // SampleTime: the median is robust to the other processes of a shared machine; the mean is not
            var stats = r.getPrimaryResult().getStatistics();
            double median = stats.getPercentile(50);
            row.put("microsecondsPerOp", median);
            row.put("meanMicroseconds", stats.getMean());
            row.put("p90Microseconds", stats.getPercentile(90));
            row.put("samples", stats.getN());
            row.put("opsPerSecond", median > 0 ? 1e6 / median : 0.0);
            rows.add(row);
        }
        return rows;
    }
}
