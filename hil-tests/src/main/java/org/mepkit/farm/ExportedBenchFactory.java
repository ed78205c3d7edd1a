package org.mepkit.farm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.mepkit.bench.Bench;
import org.mepkit.bench.BenchFactory;
import org.mepkit.bench.BoardPower;
import org.mepkit.board.VirtualBoard;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortBusyException;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.Ports;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.net.Ser2net;
import org.mepkit.sim.max3232.Max3232Profile;

/**
 * Virtual boards reached as a remote board is: through their own ser2net on 127.0.0.1, over RFC 2217. One ser2net
 * runs for the factory's life and exports two stable links ({@code console}, {@code meter}) in the factory's
 * folder; each {@link #open()} makes a fresh twin (as the virtual bench does per test) and points the links at its
 * ptys; ser2net opens the device when a client connects, so the next connection reaches the new twin. Power,
 * fault injection and board time still go to the twin in-process: only the serial data crosses the exporter.
 */
public final class ExportedBenchFactory implements BenchFactory {

    private final BenchFactory virtual;
    private final Path dir;
    private final Ser2net ser2net;

    private ExportedBenchFactory(BenchFactory virtual, Path dir, Ser2net ser2net) {
        this.virtual = virtual;
        this.dir = dir;
        this.ser2net = ser2net;
    }

    /** Starts the exporter for boards of {@code virtual}, keeping its config, log and links in {@code dir}. */
    public static ExportedBenchFactory start(BenchFactory virtual, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Ser2net s = Ser2net.start(List.of(new Ser2net.Device("console", dir.resolve("console").toString(), LineSettings.CONSOLE),
                new Ser2net.Device("meter", dir.resolve("meter").toString(), LineSettings.MEP)), dir);
        return new ExportedBenchFactory(virtual, dir, s);
    }

    public String consoleUrl() {
        return ser2net.url("console");
    }

    public String meterUrl() {
        return ser2net.url("meter");
    }

    /** The exporter, e.g. to kill it as a network or host failure would. */
    public Ser2net exporter() {
        return ser2net;
    }

    @Override
    public Bench open() throws IOException {
        Bench bench = virtual.open();
        try {
            VirtualBoard twin = bench.twin().orElseThrow(() -> new IOException("only a virtual bench can be exported here"));
            relink(dir.resolve("console"), twin.consolePath());
            relink(dir.resolve("meter"), twin.meterPath());
            return new Exported(bench);
        } catch (IOException | RuntimeException e) {
            bench.close();
            throw e;
        }
    }

    /**
     * How long a connection may be refused while ser2net still closes the previous twin's device: a second was not
     * enough on a loaded 2-core CI machine (1.1 s seen), so ten.
     */
    private static final long SWITCH_GRACE_NANOS = 10_000_000_000L;

    /**
     * Opens a port of the twin just linked. Tests switch twins within milliseconds, and ser2net closes the last
     * connection's device asynchronously: seen under load as "Device open failure" (or the port still busy)
     * on the next connection. Only that is retried, for at most ten seconds; every other failure is the port's own.
     */
    private static SerialLine openSoonAfterTheLastTwin(String url, LineSettings settings) throws SerialException {
        long end = System.nanoTime() + SWITCH_GRACE_NANOS;
        while (true) {
            try {
                return Ports.open(url, settings);
            } catch (PortBusyException | PortDisconnectedException e) {
                boolean switching = e instanceof PortBusyException || String.valueOf(e.getMessage()).contains("Device open failure");
                if (!switching || System.nanoTime() > end) throw e;
                LockSupport.parkNanos(20_000_000L);
            }
        }
    }

    private static void relink(Path link, String target) throws IOException {
        Path fresh = link.resolveSibling(link.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, Path.of(target));
        Files.move(fresh, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String describe() {
        return virtual.describe() + " behind ser2net (" + consoleUrl() + " console, " + meterUrl() + " meter)";
    }

    @Override
    public String firmware() {
        return virtual.firmware();
    }

    @Override
    public List<String> secrets() {
        return virtual.secrets();
    }

    @Override
    public void close() {
        ser2net.close();
        virtual.close();
    }

    /** The twin's bench with its ports opened through the exporter. */
    private final class Exported implements Bench {
        private final Bench twinBench;

        Exported(Bench twinBench) {
            this.twinBench = twinBench;
        }

        @Override
        public String name() {
            return twinBench.name() + " via " + consoleUrl() + " / " + meterUrl();
        }

        @Override
        public SerialLine openConsole() throws SerialException {
            return openSoonAfterTheLastTwin(consoleUrl(), LineSettings.CONSOLE);
        }

        @Override
        public SerialLine openMeterSide() throws SerialException {
            return openSoonAfterTheLastTwin(meterUrl(), LineSettings.MEP);
        }

        @Override
        public Optional<BoardPower> power() {
            return twinBench.power();
        }

        @Override
        public Optional<URI> boardUrl() {
            return twinBench.boardUrl();
        }

        @Override
        public Optional<VirtualBoard> twin() {
            return twinBench.twin();
        }

        @Override
        public double timeScale() {
            return twinBench.timeScale();
        }

        @Override
        public String provisionedKey() {
            return twinBench.provisionedKey();
        }

        @Override
        public Optional<String> provisionedSsid() {
            return twinBench.provisionedSsid();
        }

        @Override
        public List<String> secrets() {
            return twinBench.secrets();
        }

        @Override
        public String firmware() {
            return twinBench.firmware();
        }

        @Override
        public Optional<Max3232Profile> max3232() {
            return twinBench.max3232();
        }

        @Override
        public void close() {
            twinBench.close();
        }
    }
}
