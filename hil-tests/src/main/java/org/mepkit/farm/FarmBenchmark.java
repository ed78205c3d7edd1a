package org.mepkit.farm;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mepkit.hil.run.TestOutcome;
import org.mepkit.serial.SerialException;

/**
 * How the farm scales: the suite's wall time on N time-scaled virtual boards at once, each behind its own ser2net
 * on 127.0.0.1 (the whole path a remote board's bytes take), against one board. Target: every N up to
 * {@link #TARGET_BOARDS} within {@link #TARGET_RATIO} times the one-board time, with every test passing (a board
 * failing fast would otherwise look fast).
 */
public final class FarmBenchmark {

    public static final double TARGET_RATIO = 2.5;
    public static final int TARGET_BOARDS = 8;

    /** One board of one run. */
    public record BoardFigures(String board, double wallSeconds, long tests, long passed, long failed) {
    }

    /** One run: N boards at once. */
    public record RunFigures(int boards, double wallSeconds, double ratio, List<BoardFigures> perBoard) {
        public long failed() {
            return perBoard.stream().mapToLong(BoardFigures::failed).sum();
        }

        public boolean withinTarget() {
            return boards > TARGET_BOARDS || ratio <= TARGET_RATIO;
        }
    }

    /** Every run, the baseline first. */
    public record Figures(double timeScale, List<String> groups, List<RunFigures> runs) {
        public boolean allPassed() {
            return runs.stream().allMatch(r -> r.failed() == 0 && r.perBoard().stream().allMatch(b -> b.tests() > 0));
        }

        public boolean targetsMet() {
            return allPassed() && runs.stream().allMatch(RunFigures::withinTarget);
        }

        public Map<String, Object> asJson() {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("time_scale", timeScale);
            j.put("groups", groups);
            List<Map<String, Object>> rs = new ArrayList<>();
            for (RunFigures r : runs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("boards", r.boards());
                m.put("wall_s", round(r.wallSeconds()));
                m.put("ratio", round(r.ratio()));
                m.put("failed_tests", r.failed());
                m.put("per_board", r.perBoard().stream().map(b -> {
                    Map<String, Object> pb = new LinkedHashMap<>();
                    pb.put("board", b.board());
                    pb.put("wall_s", round(b.wallSeconds()));
                    pb.put("tests", b.tests());
                    pb.put("passed", b.passed());
                    pb.put("failed", b.failed());
                    return pb;
                }).toList());
                rs.add(m);
            }
            j.put("runs", rs);
            j.put("target", "every N <= " + TARGET_BOARDS + " boards within " + TARGET_RATIO + " x the 1-board wall time, all tests passing");
            j.put("all_passed", allPassed());
            j.put("targets_met", targetsMet());
            return j;
        }
    }

    private FarmBenchmark() {
    }

    /**
     * @param boardCounts the Ns to run (1 is added first when missing: the baseline)
     * @param progress    a line per finished board run, or null
     */
    public static Figures run(List<Integer> boardCounts, FarmConfig.Virtual template, List<String> groups, Path work,
                              PrintWriter progress) throws IOException, InterruptedException {
        List<Integer> ns = new ArrayList<>();
        ns.add(1);
        for (int n : boardCounts) if (!ns.contains(n)) ns.add(n);
        List<RunFigures> runs = new ArrayList<>();
        double baseline = 0;
        // one board's boot group first, not counted: the JIT would otherwise make the baseline the slowest run
        runFarm(1, template, List.of("boot"), work.resolve("warm-up"));
        for (int n : ns) {
            FarmRunner.Result r = runFarm(n, template, groups, work.resolve("n" + n));
            double wall = r.wallMillis() / 1000.0;
            if (n == 1) baseline = wall;
            List<BoardFigures> per = r.boards().stream().map(FarmBenchmark::figures).toList();
            RunFigures run = new RunFigures(n, wall, baseline > 0 ? wall / baseline : 0, per);
            runs.add(run);
            if (progress != null) {
                progress.printf(java.util.Locale.ROOT, "%d board%s: %.1f s (%.2f x one board), %d failed test(s)%n",
                        n, n == 1 ? "" : "s", wall, run.ratio(), run.failed());
                progress.flush();
            }
        }
        return new Figures(template.timeScaleOrDefault(), List.copyOf(groups), List.copyOf(runs));
    }

    private static FarmRunner.Result runFarm(int n, FarmConfig.Virtual template, List<String> groups, Path dir)
            throws IOException, InterruptedException {
        try (FarmSetup setup = FarmSetup.virtual(n, template, Files.createDirectories(dir))) {
            return FarmRunner.run(setup.boards(), n, groups, new PrintWriter(Writer.nullWriter()),
                    Files.createDirectories(dir.resolve("locks")), "perf farm");
        } catch (SerialException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static BoardFigures figures(FarmRunner.BoardResult b) {
        if (b.suite() == null) return new BoardFigures(b.name(), 0, 0, 0, 1);
        return new BoardFigures(b.name(), b.suite().wallMillis() / 1000.0, b.suite().tests().size(),
                b.suite().count(TestOutcome.Status.PASSED), b.suite().count(TestOutcome.Status.FAILED));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
