package org.mepkit.board.rom;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a real esptool found through {@code $ESPTOOL} (a command line, e.g.
 * {@code "python3 /path/esptool.py"}) or {@code esptool} / {@code esptool.py} on the PATH, with its major
 * version (4 spells commands and options with underscores, 5 with dashes).
 */
record EsptoolCommand(List<String> command, int major, String versionText) {

    record Result(int exitCode, String output) {
    }

    static Optional<EsptoolCommand> find() {
        String env = System.getenv("ESPTOOL");
        List<List<String>> candidates = new ArrayList<>();
        if (env != null && !env.isBlank()) candidates.add(Arrays.asList(env.trim().split("\\s+")));
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("esptool", "esptool.py")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) candidates.add(List.of(Path.of(dir, name).toString()));
            }
        }
        for (List<String> c : candidates) {
            try {
                Result r = run(c, List.of("version"), 30);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("esptool(?:\\.py)? v(\\d+)\\.(\\S+)").matcher(r.output());
                if (r.exitCode() == 0 && m.find()) {
                    return Optional.of(new EsptoolCommand(List.copyOf(c), Integer.parseInt(m.group(1)), "v" + m.group(1) + "." + m.group(2)));
                }
            } catch (IOException e) {
                // not runnable: try the next candidate
            }
        }
        return Optional.empty();
    }

    /** v4 uses {@code write_flash} / {@code no_reset}; v5 {@code write-flash} / {@code no-reset}. */
    String spell(String snakeName) {
        return major >= 5 ? snakeName.replace('_', '-') : snakeName;
    }

    /** Runs esptool against {@code port} with no reset lines (a pty has none) and the given command. */
    Result runOn(String port, List<String> args, long timeoutSeconds) throws IOException {
        List<String> all = new ArrayList<>(List.of("--chip", "esp32", "--port", port, "--baud", "115200",
                "--before", spell("no_reset"), "--after", spell("no_reset")));
        all.addAll(args);
        return run(command, all, timeoutSeconds);
    }

    private static Result run(List<String> command, List<String> args, long timeoutSeconds) throws IOException {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("COLUMNS", "200");
        Path out = Files.createTempFile("esptool", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, Files.readString(out, StandardCharsets.UTF_8) + "\n[killed after " + timeoutSeconds + " s]");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while esptool ran", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
