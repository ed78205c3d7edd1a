package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.max3232.HaywireMode;
import org.mepkit.sim.max3232.Max3232Bridge;
import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.SystemTicker;

/** {@code mep read --power dtr}: the adapter's DTR switches a flaky MAX3232 in front of the virtual meter. */
class ReadWithRecoveryTest {

    private static final String KEY_TEXT = "Zq8#Lm2v9XkT4wRb7NcP";

    @TempDir
    Path dir;

    /**
     * The first seed whose first power-up is haywire with silence or garbage ({@code bitErrors} false) or bit errors,
     * and whose next two power-ups after a cool-off come up good: the read then recovers in one cycle whatever
     * bytes (trailers, retries) passed through the chip meanwhile.
     */
    static long haywireSeed(boolean bitErrors) {
        for (long seed = 1; ; seed++) {
            ManualTicker t = new ManualTicker();
            Max3232Model m = new Max3232Model(Max3232Profile.FLAKY, seed, t);
            m.setPowered(true);
            if (m.condition() != Max3232Model.Condition.HAYWIRE || (m.mode() == HaywireMode.BIT_ERRORS) != bitErrors) continue;
            boolean good = true;
            for (int next = 0; next < 2 && good; next++) {
                m.setPowered(false);
                t.advance(java.time.Duration.ofSeconds(2));
                m.setPowered(true);
                good = m.condition() == Max3232Model.Condition.GOOD;
            }
            if (good) return seed;
        }
    }

    @Test
    void readsThroughAChipThatComesUpHaywire() throws Exception {
        readsThroughAChipThatComesUpHaywire(haywireSeed(false));
    }

    /** Bit errors in the request make the meter answer 0x0B: with --power that is a line fault until proven otherwise. */
    @Test
    void readsThroughAChipThatComesUpWithBitErrors() throws Exception {
        readsThroughAChipThatComesUpHaywire(haywireSeed(true));
    }

    private void readsThroughAChipThatComesUpHaywire(long seed) throws Exception {
        Max3232Model chip = new Max3232Model(Max3232Profile.FLAKY, seed, SystemTicker.INSTANCE);
        LinePair host = LinePair.create("usb:host", "max3232:ttl", LineSettings.MEP);
        LinePair meterSide = LinePair.create("max3232:rs232", "meter", LineSettings.MEP);
        Path keyFile = Files.writeString(dir.resolve("key"), KEY_TEXT + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Max3232Bridge bridge = Max3232Bridge.toMeter(chip, host.b(), meterSide.a());
             VirtualMeter meter = new VirtualMeter(meterSide.b(), MbkKey.of(KEY_TEXT), MeterProfile.DEFAULT,
                     SystemTicker.INSTANCE, VirtualMeter.Pacing.UNPACED).start()) {
            CommandContribution read = new CommandContribution() {
                public String parent() { return ""; }
                public Object command() { return new ReadCommand((path, settings) -> new DtrPoweredLine(host.a(), chip)); }
            };
            picocli.CommandLine cli = MepCommand.commandLine(List.of(read));
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute("read", "--port", "/dev/ttyUSB9", "--key-file", keyFile.toString(), "--power", "dtr",
                    "--recovery-log", dir.resolve("events.jsonl").toString());
            assertEquals(0, code, "seed " + seed + ": " + err);
        } finally {
            host.unplug();
            meterSide.unplug();
        }
        assertTrue(out.toString().contains("ELON"), out.toString());
        assertTrue(chip.powerUps() >= 2 && chip.haywirePowerUps() >= 1,
                "seed " + seed + ": the first power-up was haywire and a power cycle fixed it: " + chip.powerUps());
        assertEquals(Max3232Model.Condition.GOOD, chip.condition());
        assertTrue(err.toString().contains("mep: recovery: ") && err.toString().contains("RECOVERED"), err.toString());
        List<String> kinds = Files.readAllLines(dir.resolve("events.jsonl")).stream()
                .map(l -> readJson(l).get("event").asText()).toList();
        assertEquals(List.of("ENABLE_OFF", "POWER_ON", "ENABLE_ON", "READY"), kinds.subList(0, 4), kinds.toString());
        assertTrue(kinds.containsAll(List.of("SUSPECT", "POWER_OFF", "PROBE_DUE", "RECOVERED")), kinds.toString());
    }

    @Test
    void aWrongKeyWithAPowerSwitchFailsAfterThePowerCycleWithoutShowingTheKey() throws Exception {
        String wrongKey = "Wr0ngKeyWr0ngKeyWr0n";
        Max3232Model chip = new Max3232Model(Max3232Profile.GENUINE, 1, SystemTicker.INSTANCE);
        LinePair host = LinePair.create("usb:host", "max3232:ttl", LineSettings.MEP);
        LinePair meterSide = LinePair.create("max3232:rs232", "meter", LineSettings.MEP);
        Path keyFile = Files.writeString(dir.resolve("key"), wrongKey + "\n");
        Path log = dir.resolve("events.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        long refusals;
        try (Max3232Bridge bridge = Max3232Bridge.toMeter(chip, host.b(), meterSide.a());
             VirtualMeter meter = new VirtualMeter(meterSide.b(), MbkKey.of(KEY_TEXT), MeterProfile.DEFAULT,
                     SystemTicker.INSTANCE, VirtualMeter.Pacing.UNPACED).start()) {
            CommandContribution read = new CommandContribution() {
                public String parent() { return ""; }
                public Object command() { return new ReadCommand((path, settings) -> new DtrPoweredLine(host.a(), chip)); }
            };
            picocli.CommandLine cli = MepCommand.commandLine(List.of(read));
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            code = cli.execute("read", "--port", "/dev/ttyUSB9", "--key-file", keyFile.toString(), "--power", "dtr",
                    "--recovery-log", log.toString());
            refusals = meter.digestFailures();
        } finally {
            host.unplug();
            meterSide.unplug();
        }
        assertEquals(6, code, err.toString());
        assertEquals(4, refusals, "three refusals, one power cycle, the probe refused as well");
        assertEquals(2, chip.powerUps(), "boot and one cycle: a wrong key is not power-cycled again and again");
        String lastLine = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertEquals("mep: the meter refused the digest 4 times, also after power-cycling the MAX3232: wrong MBK key?", lastLine);
        String everything = out + err.toString() + Files.readString(log);
        assertFalse(everything.contains(wrongKey) || everything.contains(KEY_TEXT), "a key was printed: " + everything);
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String line) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    @Test
    void enableWithoutPowerIsAUsageError() throws Exception {
        LinePair host = LinePair.create("usb:host", "x", LineSettings.MEP);
        StringWriter err = new StringWriter();
        CommandContribution read = new CommandContribution() {
            public String parent() { return ""; }
            public Object command() { return new ReadCommand((path, settings) -> host.a()); }
        };
        picocli.CommandLine cli = MepCommand.commandLine(List.of(read));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("read", "--port", "/dev/ttyUSB9", "--key", KEY_TEXT, "--enable", "rts"));
        assertEquals("mep: --enable, --power-inverted and --recovery-log need --power", err.toString().strip());
        host.unplug();
    }
}
