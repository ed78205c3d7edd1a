package org.mepkit.serial.net;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mepkit.serial.LineSettings;
import org.mepkit.util.Processes;
import org.mepkit.util.Children;

/**
 * A ser2net process this program started (for tests and {@code mep perf farm}): RFC 2217 ports on 127.0.0.1 and
 * free TCP ports in front of local devices (ptys), from a YAML file in a caller's folder. It runs in the foreground
 * ({@code -n}), without UUCP locks ({@code -u}, ptys have none), and is stopped by its PID: {@link #close()} sends
 * SIGTERM, {@link #kill()} SIGKILL (an exporter dying mid-run). {@link #start} returns once every accepter listens,
 * which is read from {@code /proc/net/tcp} (a probing connection would take the port's one client slot).
 */
public final class Ser2net implements AutoCloseable {

    /** ser2net could not be run, or did not listen on its ports in time. */
    public static final class Ser2netException extends IOException {
        public Ser2netException(String message) {
            super(message);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final List<Ser2netYaml.Export> exports;
    private final Path config;

    private Ser2net(Process process, List<Ser2netYaml.Export> exports, Path config) {
        this.process = process;
        this.exports = List.copyOf(exports);
        this.config = config;
    }

    /** Whether {@code ser2net} is on the PATH (or in /usr/sbin, where Debian puts it). */
    public static boolean installed() {
        return executable().isPresent();
    }

    private static java.util.Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + File.pathSeparator + "/usr/sbin:/sbin";
        return Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isEmpty()).map(p -> Path.of(p, "ser2net"))
                .filter(Files::isExecutable).findFirst();
    }

    /** A device to export: the path ser2net opens, and the line it starts with (clients change it over RFC 2217). */
    public record Device(String name, String path, LineSettings settings) {
    }

    /**
     * Starts one ser2net exporting every device on 127.0.0.1 at free TCP ports; the YAML and the log go in
     * {@code dir}. Retries with other ports when one was taken meanwhile.
     */
    public static Ser2net start(List<Device> devices, Path dir) throws IOException, InterruptedException {
        Path exe = executable().orElseThrow(() -> new Ser2netException("ser2net is not installed (apt-get install -y ser2net)"));
        Files.createDirectories(dir);
        Ser2netException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<Ser2netYaml.Export> exports = new ArrayList<>();
            for (Device d : devices) exports.add(new Ser2netYaml.Export(d.name(), d.path(), "127.0.0.1", freePort(), d.settings()));
            Path config = dir.resolve("ser2net.yaml");
            Files.writeString(config, Ser2netYaml.write(exports, "started by mepkit for a test or benchmark; loopback only"));
            Path log = dir.resolve("ser2net.log");
            Process p = Children.start(new ProcessBuilder(exe.toString(), "-n", "-u", "-c", config.toString(), "-P", dir.resolve("ser2net.pid").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()));
            Ser2net s = new Ser2net(p, exports, config);
            try {
                s.awaitListening(log);
                return s;
            } catch (Ser2netException e) {
                s.close();
                last = e;
            }
        }
        throw last;
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new Ser2netException("ser2net exited (" + process.exitValue() + "): " + tail(log));
            }
            Set<Integer> listening = listeningPorts(process.pid());
            if (exports.stream().allMatch(e -> listening.contains(e.tcpPort()))) return;
            if (System.nanoTime() > end) {
                throw new Ser2netException("ser2net did not listen on its ports within " + START_TIMEOUT.toSeconds() + " s: " + tail(log));
            }
            process.waitFor(5, TimeUnit.MILLISECONDS);
        }
    }

    /** TCP ports the process {@code pid} listens on: LISTEN sockets in /proc/net/tcp whose inode is one of its fds. */
    static Set<Integer> listeningPorts(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException e) {
                    // an fd closed while listing
                }
            });
        } catch (IOException e) {
            return Set.of();
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                        ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no IPv6 table: fine
            }
        }
        return ports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log).stream()
                    .filter(l -> !l.contains("Unable to start mdns")).toList(); // always printed, harmless
            return lines.isEmpty() ? "(no output)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** {@code rfc2217://127.0.0.1:PORT} of the device named {@code name}. */
    public String url(String name) {
        return exports.stream().filter(e -> e.name().equals(name)).findFirst()
                .map(e -> e.url("127.0.0.1"))
                .orElseThrow(() -> new IllegalArgumentException("no export named " + name));
    }

    public long pid() {
        return process.pid();
    }

    public Path config() {
        return config;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL by PID: every connection drops at once, as when the exporter's machine dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** SIGTERM by PID, then SIGKILL if it does not end within 5 s. */
    @Override
    public void close() {
        Processes.stop(process);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ser2net pid " + process.pid() + ":");
        for (Ser2netYaml.Export e : exports) s.append(' ').append(e.name()).append('=').append(e.tcpPort());
        return s.toString();
    }
}
