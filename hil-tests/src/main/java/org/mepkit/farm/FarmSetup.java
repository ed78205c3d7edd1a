package org.mepkit.farm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mepkit.bench.Bench;
import org.mepkit.bench.BenchFactory;
import org.mepkit.bench.ConfiguredBench;
import org.mepkit.bench.VirtualBenchFactory;
import org.mepkit.cli.option.Max3232Option;
import org.mepkit.serial.SerialException;

/**
 * The benches of a farm made from its config: a configured board's bench (its ports as given, local or remote),
 * or a fresh virtual board per test, behind its own ser2net when exported. Closing stops the exporters started here and removes the virtual boards' folders.
 */
public final class FarmSetup implements AutoCloseable {

    private final List<FarmRunner.Board> boards = new ArrayList<>();

    private FarmSetup() {
    }

    /**
     * @param configDir where the config's relative paths (key files) start
     * @param work      a folder for the exporters' configs, logs and links
     */
    public static FarmSetup of(FarmConfig config, Path configDir, Path work) throws IOException, InterruptedException {
        FarmSetup setup = new FarmSetup();
        try {
            for (FarmConfig.Board b : config.boards()) {
                if (b.virtual() != null) {
                    setup.addVirtual(b.name(), b.virtual(), work);
                } else {
                    ConfiguredBench bench = ConfiguredBench.from(b.bench(), configDir);
                    setup.boards.add(new FarmRunner.Board(b.name(), single(bench), portsOf(bench)));
                }
            }
            return setup;
        } catch (IOException | RuntimeException | InterruptedException e) {
            setup.close();
            throw e;
        }
    }

    /** {@code n} virtual boards, seeds {@code seed}, {@code seed + 1}, ..., each behind its own ser2net. */
    public static FarmSetup virtual(int n, FarmConfig.Virtual template, Path work) throws IOException, InterruptedException {
        FarmSetup setup = new FarmSetup();
        try {
            for (int i = 0; i < n; i++) {
                FarmConfig.Virtual v = new FarmConfig.Virtual(template.max3232(), template.timeScale(), template.seedOrDefault() + i,
                        template.firmware(), template.export());
                setup.addVirtual("board-" + (i + 1), v, work);
            }
            return setup;
        } catch (IOException | RuntimeException | InterruptedException e) {
            setup.close();
            throw e;
        }
    }

    private void addVirtual(String name, FarmConfig.Virtual v, Path work) throws IOException, InterruptedException {
        String firmware = v.firmwareOrDefault();
        if (!firmware.equals("dabbler") && !firmware.equals("spec")) {
            throw new IOException("board '" + name + "': firmware must be dabbler or spec, not '" + firmware + "'");
        }
        BenchFactory twins = VirtualBenchFactory.defaults(firmware, Max3232Option.profile(v.max3232OrDefault()),
                v.timeScaleOrDefault(), v.seedOrDefault());
        if (!v.exported()) {
            boards.add(new FarmRunner.Board(name, twins, List.of()));
            return;
        }
        ExportedBenchFactory exported = ExportedBenchFactory.start(twins, work.resolve(name));
        boards.add(new FarmRunner.Board(name, exported, List.of(exported.consoleUrl(), exported.meterUrl())));
    }

    /** A real bench is one bench for every test. */
    private static BenchFactory single(ConfiguredBench bench) {
        return new BenchFactory() {
            @Override
            public Bench open() {
                return bench;
            }

            @Override
            public String describe() {
                return "bench '" + bench.name() + "'";
            }

            @Override
            public String firmware() {
                return bench.firmware();
            }

            @Override
            public List<String> secrets() {
                return bench.secrets();
            }
        };
    }

    /** Ports that cannot be resolved now (an adapter missing) are not locked; the board's tests fail with the reason. */
    private static List<String> portsOf(ConfiguredBench bench) {
        try {
            return bench.ports();
        } catch (SerialException e) {
            return List.of();
        }
    }

    public List<FarmRunner.Board> boards() {
        return List.copyOf(boards);
    }

    /** The exporter of a virtual board, by board name (tests kill one to drop that board's link). */
    public ExportedBenchFactory exporter(String board) {
        return boards.stream().filter(b -> b.name().equals(board) && b.bench() instanceof ExportedBenchFactory)
                .map(b -> (ExportedBenchFactory) b.bench()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no exported board " + board));
    }

    @Override
    public void close() {
        boards.forEach(b -> b.bench().close()); // the exporters among them stop their ser2net
    }
}
