package org.mepkit.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.mepkit.util.Children;

/**
 * A real broker for the tests and {@code mep perf watch}: Debian's {@code mosquitto -c <temp config>} on 127.0.0.1
 * and a free port, anonymous or with one user, no persistence (a restart forgets retained messages, as a broker
 * without a database does), stopped by its PID. {@link #restart()} brings it back on the same port.
 */
public final class Mosquitto implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final String user;
    private final String password;
    private Process process;

    private Mosquitto(Path dir, int port, String user, String password) {
        this.dir = dir;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The mosquitto program, or null when it is not installed. */
    public static Path binary() {
        for (String p : new String[] {"/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto"}) {
            if (Files.isExecutable(Path.of(p))) return Path.of(p);
        }
        return null;
    }

    public static Mosquitto start(Path dir) throws IOException, InterruptedException {
        return start(dir, null, null);
    }

    /** A broker that lets only {@code user} with {@code password} in (mosquitto_passwd makes its password file). */
    public static Mosquitto start(Path dir, String user, String password) throws IOException, InterruptedException {
        if (binary() == null) throw new IOException("mosquitto is not installed (apt-get install -y mosquitto)");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Mosquitto m = new Mosquitto(dir, port, user, password);
        m.launch();
        return m;
    }

    private void launch() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("mosquitto.conf");
        String auth = "allow_anonymous true\n";
        if (user != null) {
            Path passwords = dir.resolve("passwords");
            Files.deleteIfExists(passwords);
            Process p = Children.start(new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), user, password)
                    .redirectErrorStream(true));
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new IOException("mosquitto_passwd failed: " + out);
            // run as root, mosquitto would drop to the user mosquitto, who may not read the test's private temp folder
            auth = "allow_anonymous false\npassword_file " + passwords + "\nuser " + System.getProperty("user.name") + "\n";
        }
        Files.writeString(conf, "listener " + port + " 127.0.0.1\n" + auth + "persistence false\n");
        process = Children.start(new ProcessBuilder(binary().toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new IOException("mosquitto ended at once: " + Files.readString(dir.resolve("mosquitto.log")));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on 127.0.0.1:" + port + " within 10 s");
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker (SIGTERM by PID) and waits for it. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops it and starts it again on the same port. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
