package org.mepkit.bsp.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.bsp.BoardDiff;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.spec.Board;
import org.mepkit.spec.BoardRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mep bsp diff A B}: what a firmware port from board A to board B has to change. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"List what differs between two boards of firmware-spec (pins, serial lines, flash layout, "
                        + "assembly variants, settings, build), each with the macro of mep_bsp.h or pins_arduino.h it changes.",
                "For porting firmware, e.g. from esp32-mep-v2.00 to esp32-mep-v2.10. Exit 0 either way."})
public final class BspDiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The board the firmware runs on now.")
    String from;

    @Parameters(index = "1", paramLabel = "B", description = "The board to port it to.")
    String to;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        BoardRegistry registry = BoardRegistry.load();
        Board a = require(registry, from);
        Board b = require(registry, to);
        List<BoardDiff.Difference> diffs = BoardDiff.between(a, b);
        PrintWriter w = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("a", a.name());
            json.put("b", b.name());
            json.put("identical", diffs.isEmpty());
            json.put("differences", diffs);
            OutputOptions.printJson(w, json);
            return ExitCodes.OK;
        }
        w.printf("mep bsp diff: %s -> %s: %s%n", a.name(), b.name(),
                diffs.isEmpty() ? "no differences" : diffs.size() + " differences");
        String section = "";
        for (BoardDiff.Difference d : diffs) {
            if (!d.section().equals(section)) {
                section = d.section();
                w.println(section + ":");
            }
            w.printf("  %-32s %s -> %s%s%n", d.item(), d.a(), d.b(), d.macro() == null ? "" : "   [" + d.macro() + "]");
        }
        w.flush();
        return ExitCodes.OK;
    }

    private static Board require(BoardRegistry registry, String name) {
        try {
            return registry.require(name);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        }
    }
}
