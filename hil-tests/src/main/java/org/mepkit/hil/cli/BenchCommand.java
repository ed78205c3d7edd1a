package org.mepkit.hil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mepkit.bench.BenchConfig;
import org.mepkit.bench.BenchFactory;
import org.mepkit.bench.ConfiguredBench;
import org.mepkit.bench.VirtualBenchFactory;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.hil.run.ReportWriter;
import org.mepkit.hil.run.SuiteResult;
import org.mepkit.hil.run.SuiteRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep bench}: the HIL suite on a virtual bench, or on the real one a config file describes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the hardware-in-the-loop suite (boot, meter link, measurements, recovery, alerts, robustness).",
                "Without --config it runs on a virtual ESP32-MEP board. Writes JUnit XML and an HTML report;",
                "exits 1 when a test fails."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "bench description (YAML): ports, key file, power/reset commands, board URL")
    Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "mep-bench-report", description = "report directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--group", paramLabel = "NAME", description = "run only these groups: boot, meter-link, measurements, recovery, alerts, robustness")
    List<String> groups = new ArrayList<>();

    @Mixin
    VirtualBoardOptions boardOptions = new VirtualBoardOptions("genuine", 20, 1);

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        BenchFactory factory = factory();
        List<String> known = List.of("boot", "meter-link", "measurements", "recovery", "alerts", "robustness");
        for (String g : groups) {
            if (!known.contains(g)) throw new MepException(ExitCodes.USAGE, "unknown group '" + g + "' (" + String.join(", ", known) + ")");
        }
        o.println("mep bench on " + factory.describe());
        o.flush();
        SuiteResult r = SuiteRunner.run(factory, groups, o);
        Path html;
        try {
            Files.createDirectories(out);
            ReportWriter.junitXml(r, out.resolve("TEST-mep-bench.xml"));
            html = out.resolve("report.html");
            ReportWriter.html(r, html);
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write the report to " + out + ": " + e.getMessage());
        }
        o.println(r.summaryLine());
        o.println("JUnit XML: " + out.resolve("TEST-mep-bench.xml"));
        o.println("report:    " + html);
        o.flush();
        return r.passed() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
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
            throw new MepException(ExitCodes.BAD_INPUT, "bench config " + config + ": " + oneLine(e.getMessage()));
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
