package org.mepkit.hil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.farm.FarmConfig;
import org.mepkit.farm.FarmRunner;
import org.mepkit.farm.FarmSetup;
import org.mepkit.hil.run.ReportWriter;
import org.mepkit.hil.run.SuiteResult;
import org.mepkit.report.ReportInfo;
import org.mepkit.serial.PortLock;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.net.Ser2net;
import org.mepkit.util.Scratch;

/**
 * {@code mep bench --parallel N} and {@code mep bench --config farm.yaml}: the suite on every board of a farm, N at
 * a time. Each board gets {@code OUT/BOARD/TEST-mep-bench.xml}; {@code OUT/report.html} is one report with a
 * section per board.
 */
final class FarmBenchRun {

    private FarmBenchRun() {
    }

    /** A farm from a config file. */
    /** @param json where the run's one JSON object goes ({@code --json}), or null */
    static int run(Path config, int parallel, Path out, List<String> groups, PrintWriter o, PrintWriter json) {
        FarmConfig farm;
        try {
            farm = FarmConfig.read(config);
        } catch (IOException e) {
            throw BenchCommand.configError(config, e);
        }
        String name = farm.name() == null ? config.getFileName().toString() : farm.name();
        try (Scratch work = scratch(); FarmSetup setup = setUp(() -> FarmSetup.of(farm, config.toAbsolutePath().getParent(), work.dir()))) {
            return run(setup, name, parallel, out, groups, o, json);
        }
    }

    /** {@code n} virtual boards, each behind its own ser2net on 127.0.0.1. */
    static int runVirtual(int n, FarmConfig.Virtual template, Path out, List<String> groups, PrintWriter o, PrintWriter json) {
        if (!Ser2net.installed()) {
            throw new MepException(ExitCodes.TOOL, "a farm of virtual boards reaches them through ser2net, which is not installed"
                    + " (apt-get install -y ser2net)");
        }
        try (Scratch work = scratch(); FarmSetup setup = setUp(() -> FarmSetup.virtual(n, template, work.dir()))) {
            return run(setup, "virtual farm", n, out, groups, o, json);
        }
    }

    private interface SetUp {
        FarmSetup make() throws IOException, InterruptedException;
    }

    private static FarmSetup setUp(SetUp s) {
        try {
            return s.make();
        } catch (Ser2net.Ser2netException e) {
            throw new MepException(ExitCodes.TOOL, "cannot start the farm's exporter: " + BenchCommand.oneLine(e.getMessage()));
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot set up the farm: " + BenchCommand.oneLine(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MepException(ExitCodes.INTERRUPTED, "interrupted while setting up the farm");
        }
    }

    /** The exporters' configs, logs and twin links: gone with the run, not left beside its reports. */
    private static Scratch scratch() {
        try {
            return Scratch.create("farm");
        } catch (IOException e) {
            throw new MepException(ExitCodes.TOOL, "cannot make the farm's working folder: " + e.getMessage());
        }
    }

    private static int run(FarmSetup setup, String name, int parallel, Path out, List<String> groups, PrintWriter o, PrintWriter json) {
        List<FarmRunner.Board> boards = setup.boards();
        o.println("mep bench: farm '" + name + "', " + boards.size() + " board" + (boards.size() == 1 ? "" : "s") + ", "
                + Math.min(parallel, boards.size()) + " at a time");
        o.flush();
        FarmRunner.Result r;
        try {
            Files.createDirectories(out);
            r = FarmRunner.run(boards, parallel, groups, o, PortLock.defaultDirectory(), "bench '" + name + "'", out);
        } catch (SerialException e) {
            throw new MepException(ExitCodes.PORT, e.getMessage());
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write the report to " + out + ": " + e.getMessage());
        }
        Path merged = out.resolve("report.html");
        try {
            List<SuiteResult> suites = r.boards().stream().map(FarmBenchRun::suiteOf).toList();
            ReportWriter.html(suites, ReportInfo.now("farm '" + name + "': " + r.summaryLine(), firmwareOf(suites)), merged);
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write the report to " + out + ": " + e.getMessage());
        }
        for (FarmRunner.BoardResult b : r.boards()) o.println(String.format("%-12s %s", b.name(), b.summaryLine()));
        o.println(r.summaryLine());
        o.println("JUnit XML: " + out.resolve("BOARD").resolve("TEST-mep-bench.xml") + " (one per board)");
        o.println("report:    " + merged);
        o.flush();
        if (json != null) OutputOptions.printJson(json, json(name, r, out, merged));
        if (r.boards().stream().anyMatch(b -> b.suite() != null && b.suite().interrupted())) {
            throw new MepException(ExitCodes.INTERRUPTED, "farm interrupted; partial reports in " + out);
        }
        return r.passed() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    /** The farm's run as one object: each board as {@code mep bench --json} gives a single bench, or why it could not run. */
    static Map<String, Object> json(String name, FarmRunner.Result r, Path out, Path merged) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("farm", name);
        m.put("passed", r.passed());
        m.put("wall_s", r.wallMillis() / 1000.0);
        m.put("boards", r.boards().stream().map(b -> {
            Map<String, Object> board = new LinkedHashMap<>();
            board.put("board", b.name());
            if (b.suite() == null) {
                board.put("bench", b.bench());
                board.put("passed", false);
                board.put("error", b.error());
            } else {
                board.putAll(BenchCommand.json(b.suite(), out.resolve(b.name()).resolve("TEST-mep-bench.xml"), merged));
            }
            return board;
        }).toList());
        m.put("report", merged.toString());
        return m;
    }

    /** A board that could not start is a section with no tests, its bench line saying why. */
    private static SuiteResult suiteOf(FarmRunner.BoardResult b) {
        if (b.suite() != null) return b.suite();
        return new SuiteResult(b.bench() + " (could not start: " + b.error() + ")", List.of(), 0);
    }

    private static String firmwareOf(List<SuiteResult> suites) {
        List<String> models = suites.stream().map(s -> s.info().firmware()).distinct().toList();
        return models.size() == 1 ? models.get(0) : String.join("; ", models);
    }
}
