package org.mepkit.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.hil.run.TestOutcome;
import org.mepkit.serial.PortBusyException;
import org.mepkit.serial.PortLock;
import org.mepkit.serial.net.Ser2net;

/** Three virtual boards, each behind its own ser2net, benched at once. */
class FarmRunnerTest {

    @TempDir
    Path dir;

    FarmSetup farm(int boards) throws Exception {
        Assumptions.assumeTrue(Ser2net.installed(), "ser2net is not installed (apt-get install -y ser2net; ./test-all does it)");
        return FarmSetup.virtual(boards, new FarmConfig.Virtual("genuine", 5.0, 11L, "dabbler", true), dir.resolve("work"));
    }

    @Test
    void aBoardWhoseLinkDropsFailsItsOwnTestsWithTheReasonWhileTheOthersPass() throws Exception {
        try (FarmSetup setup = farm(3)) {
            StringWriter text = new StringWriter();
            PrintWriter progress = new PrintWriter(text, true);
            CompletableFuture<FarmRunner.Result> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return FarmRunner.run(setup.boards(), 3, List.of("boot", "meter-link"), progress, dir.resolve("locks"), "bench 'farm-test'");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!firstResultOf(text, "board-2") && System.nanoTime() < end) TimeUnit.MILLISECONDS.sleep(20);
            assertTrue(firstResultOf(text, "board-2"), text.toString());
            setup.exporter("board-2").exporter().kill();

            FarmRunner.Result r = run.get(120, TimeUnit.SECONDS);
            FarmRunner.BoardResult one = r.boards().get(0);
            FarmRunner.BoardResult two = r.boards().get(1);
            FarmRunner.BoardResult three = r.boards().get(2);
            assertFalse(two.passed());
            assertFalse(r.passed());
            // every test after the kill (the first one ran before it) fails with the link's reason
            List<TestOutcome> afterKill = two.suite().tests().stream().skip(1).toList();
            assertFalse(afterKill.isEmpty(), text.toString());
            assertTrue(afterKill.stream().allMatch(t -> t.status() == TestOutcome.Status.FAILED && t.message().contains("rfc2217://127.0.0.1:")
                    && (t.message().contains("connection refused") || t.message().contains("exporter closed"))), afterKill.toString());
            // the others go on: every test of theirs ran, and none of them failed for board-2's link
            for (FarmRunner.BoardResult other : List.of(one, three)) {
                assertNotNull(other.suite(), other.name() + " could not run: " + other.error() + "\n" + text);
                assertEquals(two.suite().tests().size(), other.suite().tests().size(), other.name());
                assertTrue(failures(other).stream().noneMatch(t -> t.message().contains("rfc2217://")), other.name() + ": " + text);
            }
            assertTrue(text.toString().contains("[board-1] ") && text.toString().contains("[board-3] "), text.toString());
        }
    }

    @Test
    void aPortAnotherBenchHoldsStopsTheFarmAtOnceNamingThatBench() throws Exception {
        try (FarmSetup setup = farm(2);
             PortLock other = PortLock.acquire(dir.resolve("locks"), setup.exporter("board-2").meterUrl(), "bench 'night-run'")) {
            var e = assertThrows(PortBusyException.class, () -> FarmRunner.run(setup.boards(), 2, List.of("boot"),
                    new PrintWriter(new StringWriter()), dir.resolve("locks"), "bench 'second'"));
            assertTrue(e.getMessage().startsWith(setup.exporter("board-2").meterUrl() + ": in use by bench 'night-run' (pid "), e.getMessage());
            // none of the first board's ports stays claimed by the refused run
            PortLock.acquire(dir.resolve("locks"), setup.exporter("board-1").consoleUrl(), "bench 'third'").close();
        }
    }

    private static List<TestOutcome> failures(FarmRunner.BoardResult b) {
        return b.suite().tests().stream().filter(t -> t.status() == TestOutcome.Status.FAILED).toList();
    }

    private static boolean firstResultOf(StringWriter text, String board) {
        return text.toString().lines().anyMatch(l -> l.startsWith("[" + board + "] ok") || l.startsWith("[" + board + "] FAIL"));
    }
}
