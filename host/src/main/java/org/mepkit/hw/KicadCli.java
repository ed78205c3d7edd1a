package org.mepkit.hw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.util.Children;
import org.mepkit.util.Scratch;

/** Runs {@code kicad-cli} (KiCad 9) and captures its output. */
public final class KicadCli {

    /** What one run printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final String executable;
    private final Duration timeout;

    public KicadCli() {
        this(System.getenv().getOrDefault("KICAD_CLI", "kicad-cli"), Duration.ofMinutes(2));
    }

    public KicadCli(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** True when kicad-cli 9 answers {@code version}. */
    public boolean available() {
        try {
            return run(Path.of("."), "version").stdout().trim().startsWith("9.");
        } catch (MepException e) {
            return false;
        }
    }

    public Result run(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(List.of(args));
        Process p = null;
        // kicad-cli leaves its instance lock (org.kicad.kicad/) in $TMPDIR: it gets a folder of its own that goes
        try (Scratch tmp = Scratch.create("kicad")) {
            // read through pipes, not temp files: workDir is the user's project and nothing is left in $TMPDIR
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
            pb.environment().put("TMPDIR", tmp.dir().toString());
            p = Children.start(pb);
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new MepException(ExitCodes.TOOL, "kicad-cli " + args[0] + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new MepException(ExitCodes.TOOL, "cannot run " + executable + " (install KiCad 9: hardware/tools/install-kicad.sh): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            // Ctrl-C reaches kicad-cli too from a terminal, not when only mep is signalled; the flag is not
            // re-asserted: the command still writes its manifest (Interrupts.requested() tells it was Ctrl-C)
            p.destroy();
            throw new MepException(ExitCodes.INTERRUPTED, "interrupted while running kicad-cli");
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, task -> { // a thread per stream: the common pool may have one thread, and both pipes must drain at once
            Thread t = new Thread(task, "kicad-cli-output");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Runs and fails with a one-line TOOL error when the exit code is not in {@code okCodes}. */
    public Result runChecked(Path workDir, List<Integer> okCodes, String... args) {
        Result r = run(workDir, args);
        if (!okCodes.contains(r.exitCode())) {
            String detail = (r.stderr() + " " + r.stdout()).strip().replace('\n', ' ');
            throw new MepException(ExitCodes.TOOL, "kicad-cli " + String.join(" ", args).split(" -o ")[0] + " failed (exit "
                    + r.exitCode() + "): " + (detail.length() > 200 ? detail.substring(0, 200) : detail));
        }
        return r;
    }
}
