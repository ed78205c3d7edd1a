package org.mepkit.cli.command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.perf.Target;

import picocli.CommandLine.Model.CommandSpec;

/**
 * How every {@code mep perf} command ends (docs/cli-grammar.md, "Benchmarks"): its figures, each
 * target and {@code targets_met}, as text or one JSON object; exit 1 with one {@code mep:} line
 * naming the missed targets when one is missed.
 */
public final class PerfVerdict {

    private PerfVerdict() {
    }

    /**
     * @param figures the benchmark's figures (JSON names), printed as they are with {@code --json}
     * @param text    the command's own text for people; the targets line follows it
     * @return {@link ExitCodes#OK} when every target is met, else {@link ExitCodes#VERDICT_FAILED}
     */
    public static int report(CommandSpec spec, boolean json, Map<String, Object> figures, List<Target> targets,
                             Consumer<PrintWriter> text) {
        PrintWriter out = spec.commandLine().getOut();
        boolean met = targets.stream().allMatch(Target::met);
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>(figures);
            all.put("targets", targets.stream().map(Target::toJson).toList());
            all.put("targets_met", met);
            OutputOptions.printJson(out, all);
        } else {
            text.accept(out);
            out.println("targets_met: " + met + " (" + targets.stream()
                    .map(t -> t.describe() + (t.met() ? "" : " MISSED")).collect(Collectors.joining(", ")) + ")");
        }
        out.flush();
        if (met) return ExitCodes.OK;
        PrintWriter err = spec.commandLine().getErr();
        err.println("mep: target missed: " + targets.stream().filter(t -> !t.met()).map(Target::describe)
                .collect(Collectors.joining(", ")));
        err.flush();
        return ExitCodes.VERDICT_FAILED;
    }
}
