package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.max3232.Max3232Bridge;
import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;
import org.mepkit.watch.SampleLog;

/** {@code mep watch --power dtr}: the MAX3232 recovery of mep read keeps a watcher going through a flaky chip. */
class WatchWithRecoveryTest {

    private static final String KEY_TEXT = "Zq8#Lm2v9XkT4wRb7NcP";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a chip that comes up haywire is power-cycled and the watcher goes on to publish samples")
    void watchesThroughAHaywireChip() throws Exception {
        long seed = ReadWithRecoveryTest.haywireSeed(false);
        Max3232Model chip = new Max3232Model(Max3232Profile.FLAKY, seed, SystemTicker.INSTANCE);
        LinePair host = LinePair.create("usb:host", "max3232:ttl", LineSettings.MEP);
        LinePair meterSide = LinePair.create("max3232:rs232", "meter", LineSettings.MEP);
        Path keyFile = Files.writeString(dir.resolve("key"), KEY_TEXT + "\n");
        Path log = dir.resolve("samples.jsonl");
        StringWriter err = new StringWriter();
        int code;
        try (Max3232Bridge bridge = Max3232Bridge.toMeter(chip, host.b(), meterSide.a());
             VirtualMeter meter = new VirtualMeter(meterSide.b(), MbkKey.of(KEY_TEXT), MeterProfile.DEFAULT,
                     SystemTicker.INSTANCE, VirtualMeter.Pacing.UNPACED).start()) {
            WatchCommand watch = new WatchCommand((path, settings) -> new DtrPoweredLine(host.a(), chip), Map.of(),
                    () -> lines(log) >= 3);
            CommandContribution c = new CommandContribution() {
                public String parent() { return ""; }
                public Object command() { return watch; }
            };
            picocli.CommandLine cli = MepCommand.commandLine(List.of(c));
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(err, true));
            code = cli.execute("watch", "--port", "/dev/ttyUSB9", "--key-file", keyFile.toString(), "--power", "dtr",
                    "--log", log.toString());
        } finally {
            host.unplug();
            meterSide.unplug();
        }
        assertEquals(0, code, "seed " + seed + ": " + err);
        assertTrue(chip.powerUps() >= 2 && chip.haywirePowerUps() >= 1, "power-cycled: " + chip.powerUps());
        assertTrue(err.toString().contains("mep: recovery: ") && err.toString().contains("RECOVERED"), err.toString());
        SampleLog.Contents contents = SampleLog.read(log);
        assertEquals(List.of("confirming", "accepted", "accepted"), contents.records().stream().map(r -> r.get("status")).toList());
    }

    private static long lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
