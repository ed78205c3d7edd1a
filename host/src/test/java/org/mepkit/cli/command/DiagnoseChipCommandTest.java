package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.mepkit.power.ProcessLauncher;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class DiagnoseChipCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final ProcessLauncher NO_GPIOD = new ProcessLauncher() {
        @Override
        public Result run(List<String> argv, Duration timeout) throws IOException {
            throw new IOException("Cannot run program \"gpioset\": error=2, No such file or directory");
        }

        @Override
        public Running start(List<String> argv) throws IOException {
            throw new IOException("not installed");
        }
    };

    private int run(PortOpener opener, String... args) {
        CommandContribution c = new CommandContribution() {
            public String parent() { return "diagnose"; }
            public Object command() { return new DiagnoseChipCommand(opener, NO_GPIOD); }
        };
        CommandLine cli = MepCommand.commandLine(List.of(c));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 2];
        full[0] = "diagnose";
        full[1] = "chip";
        System.arraycopy(args, 0, full, 2, args.length);
        return cli.execute(full);
    }

    private int run(String... args) {
        return run(JscPorts::open, args);
    }

    @Test
    void virtualFlakyPrintsAVerdictAndWritesThePlot() throws IOException {
        Path report = dir.resolve("r");
        assertEquals(0, run("--max3232", "flaky", "--seed", "1", "--out", report.toString()), err.toString());
        assertTrue(out.toString().contains("verdict: FLAKY"), out.toString());
        assertTrue(out.toString().contains("95 % Wilson interval"), out.toString());
        String svg = Files.readString(report.resolve("trials.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("haywire rate (%)") && svg.contains("power-up (trial number)"),
                "a chart with labelled axes");
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("src=\"trials.svg\""), html);
        assertTrue(html.contains("mepkit") && html.contains("date") && html.contains("host"), "the report says who made it, when, where");
        assertEquals("FLAKY", new ObjectMapper().readTree(report.resolve("report.json").toFile()).get("verdict").asText());
    }

    @Test
    void badAndDeadChipsFailWithExitOne() {
        assertEquals(1, run("--max3232", "bad", "--out", dir.toString()));
        assertEquals(1, run("--max3232", "dead", "--out", dir.toString()));
        assertEquals(0, run("--max3232", "genuine", "--out", dir.toString()));
    }

    @Test
    void jsonIsOneObjectWithEveryTrial() throws IOException {
        assertEquals(0, run("--max3232", "genuine", "--json", "--out", dir.toString()));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("GOOD", json.get("verdict").asText());
        assertEquals(json.get("trials_done").asInt(), json.get("trials").size());
        assertEquals(2, json.get("haywire_ci95").size());
    }

    @Test
    void contradictoryOptionsAreAUsageError() {
        assertEquals(2, run("--max3232", "flaky", "--port", "/dev/ttyUSB0", "--out", dir.toString()));
        assertEquals("mep: --max3232 diagnoses the fault model; it cannot be combined with --port or --power", err.toString().strip());
        assertFalse(Files.exists(dir.resolve("report.json")), "nothing ran, nothing written");
    }

    @Test
    void missingOptionsAndUnknownProfileAreUsageErrors() {
        assertEquals(2, run("--out", dir.toString()));
        assertEquals(2, run("--port", "/dev/ttyUSB0", "--out", dir.toString()));
        assertEquals(2, run("--max3232", "fake", "--out", dir.toString()));
        assertEquals(2, run("--seed", "3", "--out", dir.toString()));
        assertEquals(2, run("--max3232", "flaky", "--meter", "--out", dir.toString()));
        assertEquals(2, run("--max3232", "flaky", "--enable", "rts", "--out", dir.toString()));
        for (String line : err.toString().strip().split("\n")) assertTrue(line.startsWith("mep: "), line);
    }

    @Test
    void dtrOnAPtyIsNoPowerSwitch() throws Exception {
        try (SocatPair pair = PtyTesting.socatPair()) {
            assertEquals(7, run("--port", pair.pathA().toString(), "--power", "dtr", "--out", dir.toString()));
        }
        String message = err.toString().strip();
        assertTrue(message.startsWith("mep: no power switch: ") && message.contains("has no modem-control lines"), message);
        assertFalse(message.contains("\n"), "one line");
    }

    @Test
    void missingGpiosetIsNoPowerSwitch() {
        assertEquals(7, run((path, settings) -> new FakeLoopbackLine(100), "--port", "/dev/ttyFAKE0",
                "--power", "gpiod:gpiochip0:17", "--out", dir.toString()));
        assertTrue(err.toString().contains("apt-get install gpiod"), err.toString());
    }

    @Test
    void aMissingPortIsAPortError() {
        assertEquals(4, run("--port", dir.resolve("ttyNOPE").toString(), "--power", "dtr", "--out", dir.toString()));
        assertTrue(err.toString().startsWith("mep: "), err.toString());
    }

    @Test
    void aPortVanishingMidDiagnosisKeepsEveryTrialInTheReport() throws IOException {
        FakeLoopbackLine line = new FakeLoopbackLine(2);
        int code = run((path, settings) -> line, "--port", "/dev/ttyFAKE0", "--power", "dtr", "--cool-off", "0",
                "--out", dir.toString());
        assertEquals(4, code, err.toString());
        assertTrue(err.toString().contains("diagnosis cut short after 2 trial(s)"), err.toString());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(2, report.get("trials").size());
        assertEquals("GOOD", report.get("trials").get(0).get("outcome").asText(), "the loopback echoed the pattern");
        assertTrue(report.get("aborted_by").asText().contains("went away"));
        assertEquals(List.of("off", "on", "off", "on", "off", "on", "off"), line.dtr,
                "power cycled each trial, the third cut short, then left off for a chip swap");
    }
}
