package org.mepkit.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.board.VirtualBoard;
import org.mepkit.serial.Ports;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortNotFoundException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.util.Children;
import org.mepkit.util.UserFiles;

/** A real bench from a {@link BenchConfig}: ports by path or USB serial number, power/reset by commands. */
public final class ConfiguredBench implements Bench {

    private final BenchConfig config;
    private final String key;
    private final Path byId;

    public ConfiguredBench(BenchConfig config, String key, Path byId) {
        this.config = config;
        this.key = key;
        this.byId = byId;
    }

    /** Reads the key from the config's key file, else from env MEP_KEY. */
    public static ConfiguredBench from(BenchConfig config, Path configDir) throws IOException {
        String key;
        if (config.mepKeyFile() != null) {
            Path f = configDir.resolve(config.mepKeyFile());
            key = new String(UserFiles.read(f, UserFiles.SECRET_LIMIT, "key file"), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().findFirst().orElse("").strip();
        } else {
            key = System.getenv("MEP_KEY");
        }
        if (key == null || key.isEmpty()) throw new IOException("bench config gives no MEP key: set mepKeyFile or env MEP_KEY");
        try {
            org.mepkit.mep.key.MbkKey.of(key); // checked as mep read checks --key
        } catch (org.mepkit.mep.key.InvalidKeyException e) {
            throw new IOException(e.getMessage() + " (from " + (config.mepKeyFile() != null ? "mepKeyFile " + config.mepKeyFile() : "env MEP_KEY") + ")");
        }
        return new ConfiguredBench(config, key, Path.of("/dev/serial/by-id"));
    }

    @Override
    public String name() {
        return config.name() == null ? "configured bench" : config.name();
    }

    String resolve(BenchConfig.Port port) throws SerialException {
        if (port.path() != null) return port.path();
        if (port.usbSerial() == null) throw new PortNotFoundException("a bench port needs 'path' or 'usbSerial'");
        try (Stream<Path> s = Files.list(byId)) {
            List<Path> hits = s.filter(p -> p.getFileName().toString().contains(port.usbSerial())).toList();
            if (hits.size() != 1) {
                throw new PortNotFoundException("USB serial number " + port.usbSerial() + ": " + hits.size()
                        + " matching adapters in " + byId);
            }
            return hits.get(0).toString();
        } catch (IOException e) {
            throw new PortNotFoundException("USB serial number " + port.usbSerial() + ": cannot list " + byId);
        }
    }

    /** The console and meter ports as {@code --port} would name them (for the farm's port locks). */
    public List<String> ports() throws SerialException {
        return List.of(resolve(config.console()), resolve(config.meter()));
    }

    @Override
    public SerialLine openConsole() throws SerialException {
        return Ports.open(resolve(config.console()), LineSettings.CONSOLE);
    }

    @Override
    public SerialLine openMeterSide() throws SerialException {
        return Ports.open(resolve(config.meter()), LineSettings.MEP);
    }

    @Override
    public Optional<BoardPower> power() {
        if (config.power() == null && config.reset() == null) return Optional.empty();
        return Optional.of(new BoardPower() {
            @Override
            public void powerOn() throws IOException {
                if (config.power() != null) run(config.power().on());
            }

            @Override
            public void powerOff() throws IOException {
                if (config.power() != null) run(config.power().off());
            }

            @Override
            public void reset() throws IOException {
                if (config.reset() != null) {
                    run(config.reset());
                } else {
                    powerOff();
                    powerOn();
                }
            }
        });
    }

    private static void run(String command) throws IOException {
        Process p = Children.start(new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD));
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("bench control command did not finish within 10 s: " + command);
            }
            if (p.exitValue() != 0) throw new IOException("bench control command failed (" + p.exitValue() + "): " + command);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command);
        }
    }

    @Override
    public Optional<URI> boardUrl() {
        return Optional.ofNullable(config.url()).map(URI::create);
    }

    @Override
    public Optional<VirtualBoard> twin() {
        return Optional.empty();
    }

    @Override
    public double timeScale() {
        return 1.0;
    }

    @Override
    public String provisionedKey() {
        return key;
    }

    @Override
    public Optional<String> provisionedSsid() {
        return Optional.ofNullable(config.ssid());
    }

    @Override
    public List<String> secrets() {
        return List.of(key);
    }

    @Override
    public String firmware() {
        return config.firmware() == null ? "dabbler" : config.firmware();
    }

    @Override
    public Optional<Max3232Profile> max3232() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // a real bench stays as it is between tests
    }
}
