package org.mepkit.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mepkit.time.ManualTicker;

class ProgressTest {

    final StringWriter err = new StringWriter();
    final ManualTicker ticker = new ManualTicker();

    Progress progress(Progress.Mode mode, int width) {
        return new Progress(new PrintWriter(err), "perf poll", mode, ticker, width);
    }

    @Test
    void onATerminalTheStatusIsOneLineRewrittenInPlaceAndClearedAtTheEnd() {
        try (Progress p = progress(Progress.Mode.TERMINAL, 80)) {
            p.update(1, 4, "median 21.0 ms");
            ticker.advance(Duration.ofMillis(1500));
            p.update(2, 4, "median 20.9 ms");
        }
        assertEquals("\rperf poll: [#####...............] 1/4, median 21.0 ms (0.0 s)\033[K"
                + "\rperf poll: [##########..........] 2/4, median 20.9 ms (1.5 s)\033[K"
                + "\r\033[K", err.toString());
    }

    @Test
    void anInPlaceLineNeverWrapsTheTerminal() {
        progress(Progress.Mode.TERMINAL, 30).update("a status far longer than thirty columns");
        String line = err.toString().substring(1, err.toString().indexOf('\033'));
        assertEquals(29, line.length(), line);
        assertTrue(line.endsWith("~"), line);
    }

    @Test
    void pipedItPrintsPlainLinesAtMostOneStatusPerFiveSecondsButEveryNote() {
        Progress p = progress(Progress.Mode.PLAIN, 80);
        p.update(1, 20, null);
        ticker.advance(Duration.ofSeconds(1));
        p.update(2, 20, null);                         // too soon: dropped
        p.note("warm-up done");
        ticker.advance(Duration.ofSeconds(4));
        p.update(3, 20, null);
        ticker.advance(Duration.ofSeconds(60));
        p.update(20, 20, null);
        p.close();
        assertEquals(List.of("perf poll: 1/20 (0.0 s)", "perf poll: warm-up done", "perf poll: 3/20 (5.0 s)",
                "perf poll: 20/20 (1 min 05 s)"), err.toString().lines().toList());
        assertTrue(!err.toString().contains("\r") && !err.toString().contains("\033"), "no control characters in a log");
    }

    @Test
    void aNoteOnATerminalFirstClearsTheStatusLine() {
        Progress p = progress(Progress.Mode.TERMINAL, 80);
        p.update("trial 3");
        p.note("FAIL R5");
        assertTrue(err.toString().endsWith("\r\033[Kperf poll: FAIL R5" + System.lineSeparator()), err.toString());
    }

    @Test
    void offPrintsNothing() {
        Progress.OFF.update("x");
        Progress.OFF.note("y");
        Progress.OFF.close();
        Progress p = progress(Progress.Mode.OFF, 80);
        p.update(1, 2, "z");
        p.note("w");
        assertEquals("", err.toString());
    }

    @Test
    void theModeFollowsStderrTheEnvironmentCanForceIt() {
        assertEquals(Progress.Mode.TERMINAL, Terminal.progressMode(Map.of(), true));
        assertEquals(Progress.Mode.PLAIN, Terminal.progressMode(Map.of(), false));
        assertEquals(Progress.Mode.PLAIN, Terminal.progressMode(Map.of("TERM", "dumb"), true));
        assertEquals(Progress.Mode.OFF, Terminal.progressMode(Map.of("MEP_PROGRESS", "off"), true));
        assertEquals(Progress.Mode.TERMINAL, Terminal.progressMode(Map.of("MEP_PROGRESS", "terminal"), false));
        assertEquals(Progress.Mode.PLAIN, Terminal.progressMode(Map.of("MEP_PROGRESS", "plain"), true));
    }
}
