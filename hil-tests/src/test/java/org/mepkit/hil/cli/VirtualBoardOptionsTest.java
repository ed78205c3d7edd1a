package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.sim.max3232.Max3232Profile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The shared virtual-board options: each command's own defaults, overrides, one-line usage errors. */
class VirtualBoardOptionsTest {

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        VirtualBoardOptions options = new VirtualBoardOptions("flaky", 5, 9);
    }

    static VirtualBoardOptions parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.options;
    }

    @Test
    void withoutArgumentsTheCommandsOwnDefaultsHold() {
        VirtualBoardOptions o = parse();
        assertEquals(Max3232Profile.named("flaky"), o.profile());
        assertEquals(5.0, o.timeScale());
        assertEquals(9L, o.seed());
        assertEquals("dabbler", o.firmware());
    }

    @Test
    void theArgumentsOverrideTheDefaults() {
        VirtualBoardOptions o = parse("--max3232", "dead", "--time-scale", "100", "--seed", "3", "--firmware", "spec");
        assertEquals(Max3232Profile.named("dead"), o.profile());
        assertEquals(100.0, o.timeScale());
        assertEquals(3L, o.seed());
        assertEquals("spec", o.firmware());
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertUsage(() -> parse("--max3232", "wobbly").profile(), "wobbly");
        assertUsage(() -> parse("--time-scale", "0").timeScale(), "--time-scale");
        assertUsage(() -> parse("--time-scale", "101").timeScale(), "--time-scale");
        assertUsage(() -> parse("--firmware", "esphome").firmware(), "--firmware");
    }

    @Test
    void benchAndEmulateShowTheirOwnDefaultsInHelp() {
        String bench = help(new BenchCommand());
        String emulate = help(new BoardEmulateCommand());
        assertTrue(bench.contains("clock speed-up (default: 20"), bench);
        assertTrue(emulate.contains("clock speed-up (default: 1"), emulate);
        assertTrue(bench.contains("bad or dead (default: genuine)"), bench);
    }

    /** The usage text with its line wrapping undone. */
    private static String help(Object command) {
        return new CommandLine(command).getUsageMessage().replaceAll("\\s+", " ");
    }

    private static void assertUsage(Runnable r, String mention) {
        MepException e = assertThrows(MepException.class, r::run);
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains(mention), e.getMessage());
    }
}
