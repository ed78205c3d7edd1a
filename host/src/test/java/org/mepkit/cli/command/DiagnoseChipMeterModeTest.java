package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.power.ProcessLauncher;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.max3232.Max3232Bridge;
import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mep diagnose chip --meter}: a meter behind the chip instead of a loopback jumper. */
class DiagnoseChipMeterModeTest {

    private static final String KEY_TEXT = "Zq8#Lm2v9XkT4wRb7NcP";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int diagnose(Max3232Profile profile, String keyText, String... extra) throws Exception {
        Max3232Model chip = new Max3232Model(profile, 1, SystemTicker.INSTANCE);
        LineSettings line = LineSettings.MEP.withBaud(115200);
        LinePair host = LinePair.create("usb", "ttl", line);
        LinePair meterSide = LinePair.create("rs232", "meter", line);
        Path keyFile = Files.writeString(dir.resolve("key"), keyText + "\n");
        try (Max3232Bridge bridge = Max3232Bridge.toMeter(chip, host.b(), meterSide.a());
             VirtualMeter meter = new VirtualMeter(meterSide.b(), MbkKey.of(KEY_TEXT), MeterProfile.DEFAULT,
                     SystemTicker.INSTANCE, VirtualMeter.Pacing.UNPACED).start()) {
            CommandContribution c = new CommandContribution() {
                public String parent() { return "diagnose"; }
                public Object command() {
                    return new DiagnoseChipCommand((path, settings) -> new DtrPoweredLine(host.a(), chip), new ProcessLauncher() {
                        public Result run(List<String> argv, Duration timeout) throws IOException { throw new IOException("no tools here"); }
                        public Running start(List<String> argv) throws IOException { throw new IOException("no tools here"); }
                    });
                }
            };
            picocli.CommandLine cli = MepCommand.commandLine(List.of(c));
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            List<String> args = new java.util.ArrayList<>(List.of("diagnose", "chip", "--port", "/dev/ttyUSB9", "--power", "dtr",
                    "--meter", "--key-file", keyFile.toString(), "--cool-off", "50ms", "--out", dir.resolve("r").toString()));
            args.addAll(List.of(extra));
            return cli.execute(args.toArray(String[]::new));
        } finally {
            host.unplug();
            meterSide.unplug();
        }
    }

    @Test
    void aGenuineChipInFrontOfTheMeterIsGood() throws Exception {
        assertEquals(0, diagnose(Max3232Profile.GENUINE, KEY_TEXT), err.toString());
        assertTrue(out.toString().contains("verdict: GOOD"), out.toString());
        assertTrue(out.toString().contains("meter probe"), out.toString());
        assertTrue(new ObjectMapper().readTree(dir.resolve("r/report.json").toFile()).get("trials").get(0).get("bit_errors").isNull(),
                "bit errors are unknown against a meter");
        assertTrue(!out.toString().contains(KEY_TEXT) && !err.toString().contains(KEY_TEXT), "the key is never printed");
    }

    @Test
    void aWrongKeyIsReportedAsSuchNotAsABadChip() throws Exception {
        assertEquals(6, diagnose(Max3232Profile.GENUINE, "ABCDEFGHIJKLMNOPQRST"));
        assertTrue(err.toString().startsWith("mep: the meter refused every probe (0x0B): wrong MBK key?"), err.toString());
    }

    @Test
    void meterAndLoopbackTogetherAreContradictory() throws Exception {
        assertEquals(2, diagnose(Max3232Profile.GENUINE, KEY_TEXT, "--loopback"));
        assertEquals("mep: choose --loopback or --meter, not both", err.toString().strip());
    }
}
