package org.mepkit.esptool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an esptool to run, in this order: {@code --esptool PATH}, {@code $ESPTOOL}, {@code esptool}
 * then {@code esptool.py} on {@code PATH}, {@code python3 -m esptool}, the copy the Arduino ESP32
 * core installs ({@code ~/.arduino15/packages/esp32/tools/esptool_py/<ver>/}) and PlatformIO's
 * ({@code ~/.platformio/packages/tool-esptoolpy/}). Each candidate must answer {@code version};
 * an explicit path that does not is an error, not a reason to fall back.
 */
public final class EsptoolLocator {

    /** One place looked at: how to run it and what to call it in messages. */
    public record Candidate(List<String> command, String via) {
    }

    private final ProcessLauncher launcher;
    private final Map<String, String> env;
    private final Path home;
    private final VersionCache cache;

    public EsptoolLocator(ProcessLauncher launcher, Map<String, String> env, Path home) {
        this(launcher, env, home, VersionCache.none());
    }

    /** With {@code cache}: a program already asked (same file, size, mtime) is not started for its version again. */
    public EsptoolLocator(ProcessLauncher launcher, Map<String, String> env, Path home, VersionCache cache) {
        this.launcher = launcher;
        this.env = env;
        this.home = home;
        this.cache = cache;
    }

    public static EsptoolLocator system() {
        return new EsptoolLocator(ProcessLauncher.SYSTEM, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Forgets a cached version that turned out wrong and asks the program again. */
    public Optional<Esptool> reprobe(Esptool esptool) throws InterruptedException {
        cache.forget(esptool.command());
        return probe(new Candidate(esptool.command(), esptool.foundVia()));
    }

    /** The esptool to use; {@code explicitPath} is {@code --esptool}, may be null. */
    public Esptool locate(String explicitPath) throws InterruptedException {
        if (explicitPath != null) return probeOrFail(fileCandidate(Path.of(explicitPath), "--esptool"));
        String fromEnv = env.get("ESPTOOL");
        if (fromEnv != null && !fromEnv.isBlank()) return probeOrFail(envCandidate(fromEnv.strip()));
        for (Candidate c : candidates()) {
            Optional<Esptool> found = probe(c);
            if (found.isPresent()) return found.get();
        }
        throw new EsptoolException(EsptoolProblem.NOT_FOUND, "no esptool found (looked at $ESPTOOL, esptool and esptool.py on PATH, "
                + "python3 -m esptool, the Arduino ESP32 core and PlatformIO)", -1);
    }

    /** The automatic candidates after {@code --esptool} and {@code $ESPTOOL}, in search order. */
    public List<Candidate> candidates() {
        List<Candidate> list = new ArrayList<>();
        for (String name : List.of("esptool", "esptool.py")) {
            onPath(name).ifPresent(p -> list.add(new Candidate(List.of(p.toString()), "PATH")));
        }
        list.add(new Candidate(List.of("python3", "-m", "esptool"), "python3 -m esptool"));
        for (Path tools : List.of(home.resolve(".arduino15/packages/esp32/tools/esptool_py"),
                home.resolve("Library/Arduino15/packages/esp32/tools/esptool_py"))) {
            for (Path versionDir : newestFirst(tools)) {
                for (String name : List.of("esptool", "esptool.py")) {
                    Path p = versionDir.resolve(name);
                    if (Files.isRegularFile(p)) list.add(fileCandidate(p, "Arduino ESP32 core"));
                }
            }
        }
        Path pio = home.resolve(".platformio/packages/tool-esptoolpy/esptool.py");
        if (Files.isRegularFile(pio)) list.add(new Candidate(List.of("python3", pio.toString()), "PlatformIO"));
        return list;
    }

    private Optional<Path> onPath(String name) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static List<Path> newestFirst(Path dir) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(dir)) return dirs;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isDirectory)) {
            s.forEach(dirs::add);
        } catch (IOException e) {
            return dirs;
        }
        dirs.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return dirs;
    }

    /**
     * {@code $ESPTOOL} is a path, or a command with its interpreter ({@code /usr/bin/python3 /x/esptool.py}):
     * a value that is not an existing file but contains spaces is split at whitespace.
     */
    static Candidate envCandidate(String value) {
        if (Files.isRegularFile(Path.of(value)) || !value.contains(" ")) return fileCandidate(Path.of(value), "$ESPTOOL");
        return new Candidate(List.of(value.split("\\s+")), "$ESPTOOL");
    }

    private static Candidate fileCandidate(Path p, String via) {
        boolean script = p.toString().endsWith(".py") && !Files.isExecutable(p);
        return new Candidate(script ? List.of("python3", p.toString()) : List.of(p.toString()), via);
    }

    private Esptool probeOrFail(Candidate c) throws InterruptedException {
        if (c.command().size() == 1 && !Files.isRegularFile(Path.of(c.command().get(0)))) {
            throw new EsptoolException(EsptoolProblem.NOT_FOUND, c.via() + " names " + c.command().get(0) + ", which does not exist", -1);
        }
        return probe(c).orElseThrow(() -> new EsptoolException(EsptoolProblem.NOT_FOUND,
                c.via() + " names " + String.join(" ", c.command()) + ", which did not answer 'version' like esptool", -1));
    }

    /** Runs {@code <command> version} and reads the version (or takes it from the cache); empty when it is not a working esptool. */
    public Optional<Esptool> probe(Candidate c) throws InterruptedException {
        Optional<EsptoolVersion> cached = cache.get(c.command());
        if (cached.isPresent()) return Optional.of(new Esptool(c.command(), c.via(), cached.get(), true));
        List<String> argv = new ArrayList<>(c.command());
        argv.add("version");
        try {
            EsptoolRun run = new EsptoolRunner(launcher, Duration.ofSeconds(30)).run(argv, e -> { });
            Optional<EsptoolVersion> version = EsptoolVersion.parse(String.join("\n", run.transcript()));
            version.ifPresent(v -> cache.put(c.command(), v));
            return version.map(v -> new Esptool(c.command(), c.via(), v));
        } catch (EsptoolException e) {
            return Optional.empty();
        }
    }
}
