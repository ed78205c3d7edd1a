package org.mepkit.esptool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs esptool with a pipe (never a TTY) and {@code NO_COLOR=1}, splits its stdout and stderr into
 * lines at CR or LF, parses each into events for the listener, and turns a failure into an
 * {@link EsptoolException} classified by {@link EsptoolProblem}.
 */
public final class EsptoolRunner {

    /** Environment for every run: no colours or cursor codes (v5), wide help text. */
    public static final Map<String, String> ENV = Map.of("NO_COLOR", "1", "COLUMNS", "200", "PYTHONUNBUFFERED", "1");

    private final ProcessLauncher launcher;
    private final Duration timeout;

    public EsptoolRunner(ProcessLauncher launcher, Duration timeout) {
        this.launcher = launcher;
        this.timeout = timeout;
    }

    /** Runs {@code argv}; every parsed event goes to {@code listener} as it happens. */
    public EsptoolRun run(List<String> argv, Consumer<EsptoolEvent> listener) throws InterruptedException {
        Process process;
        try {
            process = launcher.start(argv, ENV);
        } catch (IOException e) {
            throw new EsptoolException(EsptoolProblem.NOT_FOUND, "cannot start " + argv.get(0) + ": " + e.getMessage(), -1);
        }
        List<String> transcript = new ArrayList<>();
        List<EsptoolEvent> events = new ArrayList<>();
        Consumer<String> onLine = line -> {
            synchronized (transcript) {
                transcript.add(line);
                Optional<EsptoolEvent> event = EsptoolOutputParser.parse(line);
                if (event.isPresent()) {
                    events.add(event.get());
                    listener.accept(event.get());
                }
            }
        };
        closeQuietly(process);
        Thread out = pump(process.getInputStream(), onLine, "esptool-stdout");
        Thread err = pump(process.getErrorStream(), onLine, "esptool-stderr");
        int exit;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new EsptoolException(EsptoolProblem.OTHER, "esptool did not finish within " + timeout.toSeconds() + " s", -1);
            }
            exit = process.exitValue();
            out.join(5_000);
            err.join(5_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        synchronized (transcript) {
            if (exit != 0) throw failure(transcript, events, exit);
            return new EsptoolRun(transcript, events);
        }
    }

    static EsptoolException failure(List<String> transcript, List<EsptoolEvent> events, int exit) {
        String message = events.stream().filter(e -> e instanceof EsptoolEvent.Fatal)
                .map(e -> ((EsptoolEvent.Fatal) e).message()).findFirst()
                .orElseGet(() -> transcript.stream().map(EsptoolOutputParser::clean).filter(l -> !l.isEmpty())
                        .reduce((a, b) -> b).orElse("esptool exited with status " + exit));
        List<String> cleaned = transcript.stream().map(EsptoolOutputParser::clean).toList();
        return new EsptoolException(EsptoolProblem.classify(cleaned, exit), message, exit);
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // esptool reads no input; a stdin that cannot be closed changes nothing
        }
    }

    /** Reads a stream on its own thread, cutting lines at CR or LF (v5 progress lines start with CR). */
    private static Thread pump(InputStream in, Consumer<String> onLine, String name) {
        Thread t = new Thread(() -> {
            try (in) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n' || buf[i] == '\r') {
                            emit(line, onLine);
                        } else {
                            line.write(buf[i]);
                        }
                    }
                }
                emit(line, onLine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void emit(ByteArrayOutputStream line, Consumer<String> onLine) {
        if (line.size() > 0) onLine.accept(line.toString(StandardCharsets.UTF_8));
        line.reset();
    }
}
