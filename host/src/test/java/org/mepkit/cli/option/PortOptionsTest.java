package org.mepkit.cli.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.memory.LinePair;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class PortOptionsTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        PortOptions port;
        @Mixin
        OutputOptions output;

        @Override
        public void run() {
        }
    }

    private Probe parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe;
    }

    @Test
    void theCommandsDefaultSpeedAppliesUnlessBaudIsGiven() {
        assertEquals(LineSettings.MEP, parse("--port", "/dev/ttyUSB0").port.settings(LineSettings.MEP));
        assertEquals(19200, parse("--port", "/dev/ttyUSB0", "--baud", "19200").port.settings(LineSettings.MEP).baud());
        assertEquals(115200, parse("--port", "/dev/ttyUSB0").port.baud(115200));
    }

    @Test
    void aBaudThatIsNotPositiveIsAUsageError() {
        var e = assertThrows(MepException.class, () -> parse("--port", "p", "--baud", "0").port.baud(9600));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertEquals("--baud must be a positive number, not 0", e.getMessage());
    }

    @Test
    void thePortIsRequiredAndNeverGuessed() {
        var err = new StringWriter();
        CommandLine cli = new CommandLine(new Probe());
        cli.setErr(new PrintWriter(err));
        assertEquals(ExitCodes.USAGE, cli.execute());
        assertTrue(err.toString().contains("Missing required option: '--port=PORT'"), err.toString());
    }

    @Test
    void openHandsThePathAndSettingsToTheOpener() throws Exception {
        List<String> opened = new ArrayList<>();
        SerialLine line = LinePair.create("memory:a", "memory:b", LineSettings.MEP.withBaud(4800)).a();
        SerialLine got = parse("--port", "/dev/ttyACM3", "--baud", "4800").port.open((path, settings) -> {
            opened.add(path + "@" + settings.baud());
            return line;
        }, LineSettings.MEP);
        assertSame(line, got);
        assertEquals(List.of("/dev/ttyACM3@4800"), opened);
    }

    @Test
    void jsonIsOffByDefaultAndPrintsOneLinePerValue() {
        assertEquals(false, parse("--port", "p").output.json());
        assertEquals(true, parse("--port", "p", "--json").output.json());
        var out = new StringWriter();
        OutputOptions.printJson(new PrintWriter(out), Map.of("wire_s", 0.5));
        assertEquals("{\"wire_s\":0.5}" + System.lineSeparator(), out.toString());
    }
}
