package org.mepkit.hil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mepkit.bench.BenchConfig;
import org.mepkit.bench.BenchFactory;
import org.mepkit.bench.ConfiguredBench;
import org.mepkit.bench.VirtualBenchFactory;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.farm.FarmConfig;
import org.mepkit.hil.run.ReportWriter;
import org.mepkit.hil.run.SuiteResult;
import org.mepkit.hil.run.SuiteRunner;
import org.mepkit.hil.run.TestOutcome;
import org.mepkit.serial.PortLock;
import org.mepkit.serial.SerialException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep bench}: the HIL suite on a virtual bench, or on the real one a config file describes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the hardware-in-the-loop suite (boot, meter link, measurements, recovery, alerts, robustness).",
                "Without --config it runs on a virtual ESP32-MEP board. Writes JUnit XML and an HTML report; exits 1 when a test fails.",
                "A farm config (boards: ...) or --parallel N benches several boards at once. Every port is locked for the run: "
                        + "a port another bench holds is an error at once (exit 4).",
                "A check failing on a firmware known to have that defect (the upstream alert defect on the dabbler firmware) "
                        + "is reported as a KNOWN DEFECT and does not fail the run."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Bench description (YAML): ports, key file, power/reset commands, board URL.")
    Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "mep-bench-report", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--group", paramLabel = "NAME", description = "Run only this group (repeatable): boot, meter-link, measurements, recovery, alerts, robustness, mqtt.")
    List<String> groups = new ArrayList<>();

    @Mixin
    VirtualBoardOptions boardOptions = new VirtualBoardOptions("genuine", 20, 1);

    @Mixin
    OutputOptions output;

    @Option(names = "--parallel", paramLabel = "N",
            description = {"Bench N boards at a time: the boards of a farm config, or without --config N virtual boards,",
                    "each reached through its own ser2net on 127.0.0.1 (one JUnit XML per board, one merged report)."})
    Integer parallel;

    private ConfiguredBench configured;

    @Override
    public Integer call() throws IOException {
        if (parallel != null && parallel < 1) throw new MepException(ExitCodes.USAGE, "--parallel must be at least 1");
        checkGroups();
        PrintWriter stdout = spec.commandLine().getOut();
        // with --json the per-test lines are progress: stderr, so stdout holds the one object
        PrintWriter o = output.json() ? spec.commandLine().getErr() : stdout;
        PrintWriter json = output.json() ? stdout : null;
        if (config == null && parallel != null) {
            boardOptions.profile();
            FarmConfig.Virtual template = new FarmConfig.Virtual(boardOptions.max3232, boardOptions.timeScale(), boardOptions.seed(),
                    boardOptions.firmware(), true);
            return FarmBenchRun.runVirtual(parallel, template, out, groups, o, json);
        }
        if (config != null && (parallel != null || FarmConfig.isFarm(config))) {
            return FarmBenchRun.run(config, parallel == null ? 1 : parallel, out, groups, o, json);
        }
        try (BenchFactory factory = factory()) {
            List<PortLock> locks = lockPorts();
            try {
                return runSingle(factory, stdout, o);
            } finally {
                locks.forEach(PortLock::close);
            }
        }
    }

    private void checkGroups() {
        List<String> known = List.of("boot", "meter-link", "measurements", "recovery", "alerts", "robustness", "mqtt");
        for (String g : groups) {
            if (!known.contains(g)) throw new MepException(ExitCodes.USAGE, "unknown group '" + g + "' (" + String.join(", ", known) + ")");
        }
    }

    /** A configured bench's ports are claimed for the whole run: a second bench is told who has them. */
    private List<PortLock> lockPorts() {
        if (configured == null) return List.of();
        try {
            return PortLock.acquireAll(PortLock.defaultDirectory(), configured.ports(), "bench '" + configured.name() + "'");
        } catch (SerialException e) {
            throw new MepException(ExitCodes.PORT, e.getMessage());
        }
    }

    private Integer runSingle(BenchFactory factory, PrintWriter stdout, PrintWriter o) throws IOException {
        o.println("mep bench on " + factory.describe());
        o.flush();
        try {
            SuiteRunner.checkBench(factory);
        } catch (SuiteRunner.BenchSetupException e) {
            throw benchSetupError(e);
        }
        Path xml = out.resolve("TEST-mep-bench.xml");
        Path html = out.resolve("report.html");
        SuiteResult r = SuiteRunner.run(factory, groups, o, xml);
        try {
            ReportWriter.html(r, html);
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write the report to " + out + ": " + e.getMessage());
        }
        o.println(r.summaryLine());
        o.println("JUnit XML: " + xml);
        o.println("report:    " + html);
        o.flush();
        if (output.json()) OutputOptions.printJson(stdout, json(r, xml, html));
        if (r.interrupted()) {
            throw new MepException(ExitCodes.INTERRUPTED, "bench interrupted after " + (r.tests().size()
                    - r.count(TestOutcome.Status.INTERRUPTED)) + " of " + r.tests().size() + " tests; partial reports in " + out);
        }
        return r.passed() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    /** The run as one JSON object: each test's group, name, status and time, the totals and the report files. */
    static Map<String, Object> json(SuiteResult r, Path xml, Path html) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bench", r.bench());
        m.put("passed", r.passed());
        m.put("interrupted", r.interrupted());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("tests", r.tests().size());
        for (TestOutcome.Status s : TestOutcome.Status.values()) counts.put(s.name(), r.count(s));
        m.put("counts", counts);
        m.put("tests", r.tests().stream().map(t -> {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("group", t.group());
            test.put("name", t.name());
            test.put("status", t.status().label());
            test.put("wall_s", t.wallMillis() / 1000.0);
            test.put("message", t.message());
            return test;
        }).toList());
        m.put("junit_xml", xml.toString());
        m.put("report", html.toString());
        return m;
    }

    /** One line for a bench that cannot start: a port is PORT (4), anything else (the virtual board, a tool) TOOL (7). */
    static MepException benchSetupError(SuiteRunner.BenchSetupException e) {
        boolean port = e.getCause() instanceof org.mepkit.serial.SerialException;
        return new MepException(port ? ExitCodes.PORT : ExitCodes.TOOL, e.getMessage());
    }

    private BenchFactory factory() {
        if (config == null) {
            try {
                return VirtualBenchFactory.defaults(boardOptions.firmware(), boardOptions.profile(), boardOptions.timeScale(), boardOptions.seed());
            } catch (IOException e) {
                throw new MepException(ExitCodes.TOOL, "cannot set up the virtual bench: " + e.getMessage());
            }
        }
        try {
            BenchConfig c = BenchConfig.read(config);
            Path dir = config.toAbsolutePath().getParent();
            ConfiguredBench bench = ConfiguredBench.from(c, dir);
            configured = bench;
            return new BenchFactory() {
                @Override
                public org.mepkit.bench.Bench open() {
                    return bench;
                }

                @Override
                public String describe() {
                    return "bench '" + bench.name() + "' from " + config;
                }
            };
        } catch (IOException e) {
            throw configError(config, e);
        }
    }

    /** {@code --config FILE: CAUSE}, one line, for any config that cannot be used (missing, too large, malformed). */
    static MepException configError(Path config, IOException e) {
        String why = oneLine(e.getMessage());
        return new MepException(ExitCodes.BAD_INPUT, "--config " + (why.startsWith(config.toString()) ? why : config + ": " + why));
    }

    static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
