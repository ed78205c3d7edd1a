package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;
import org.mepkit.mep.table.TableId;
import org.mepkit.optical.service.ResponseCode;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.MeterTables;
import org.mepkit.sim.optical.OpticalLayout;
import org.mepkit.sim.optical.OpticalTables;
import org.mepkit.time.ManualTicker;
import org.mepkit.util.Hex;

/**
 * {@code mep meter simulate --optical} on one end of a socat pair; on the other {@code mep read --optical}, and
 * termineter (Debian's package: its c1218 client library run by /usr/bin/python3, through our script
 * {@code termineter_client.py}) as an independent C12.18 client. The meter's registers grow by a stopped clock here,
 * so the bytes termineter gets can be compared with the tables the same model serves.
 */
class MeterSimulateOpticalTest {

    static final String KEY_HEX = "4d45506b69742d6f70746963616c2d6f7261636c"; // 20 bytes, as an operator hands them out
    static final Path PYTHON = Path.of("/usr/bin/python3");

    SocatPair ptys;
    final ManualTicker meterClock = new ManualTicker();
    final StringWriter simulateOut = new StringWriter();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CountDownLatch stop = new CountDownLatch(1);
    final ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<Integer> simulator;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        ptys = PtyTesting.socatPair();
    }

    @AfterEach
    void stop() throws Exception {
        stop.countDown();
        runner.shutdown();
        runner.awaitTermination(5, TimeUnit.SECONDS);
        ptys.close();
    }

    void simulate(String... extra) throws Exception {
        CommandContribution simulate = new CommandContribution() {
            @Override public String parent() { return "meter"; }
            @Override public Object command() { return new MeterSimulateCommand(JscPorts::open, stop, meterClock); }
        };
        picocli.CommandLine cli = MepCommand.commandLine(List.of(simulate));
        cli.setOut(new PrintWriter(simulateOut, true));
        cli.setErr(new PrintWriter(simulateOut, true));
        List<String> args = new ArrayList<>(List.of("meter", "simulate", "--optical", "--port", ptys.pathA().toString(),
                "--key", KEY_HEX));
        args.addAll(List.of(extra));
        simulator = runner.submit(() -> cli.execute(args.toArray(String[]::new)));
        long end = System.nanoTime() + 10_000_000_000L;
        while (!simulateOut.toString().contains("Ctrl-C stops") && System.nanoTime() < end) Thread.sleep(10);
        assertTrue(simulateOut.toString().contains("Ctrl-C stops"), simulateOut.toString());
    }

    /** The simulator's exit code after stopping it, its summary line in {@link #simulateOut}. */
    int stopSimulator() throws Exception {
        stop.countDown();
        return simulator.get(10, TimeUnit.SECONDS);
    }

    int read(String... args) {
        picocli.CommandLine cli = MepCommand.commandLine(List.of(new MeterContributions.Read()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String tableHex(TableId id) {
        OpticalTables tables = new OpticalTables(new MeterTables(MeterProfile.DEFAULT, meterClock), MeterProfile.DEFAULT,
                OpticalLayout.OPTICAL);
        return Hex.lower(tables.table(id));
    }

    @Test
    void readOpticalPrintsIdentityEnergyAndPresentValuesUnderTheNamesOfTheMepRead() throws Exception {
        simulate();
        assertEquals(ExitCodes.OK, read("read", "--optical", "--port", ptys.pathB().toString(), "--key", KEY_HEX), err.toString());
        String text = out.toString();
        for (String name : List.of("Utility_SN", "Fwd_Act_Wh", "Rev_Act_Wh", "L1_RMS_V", "Fwd_W")) {
            assertTrue(text.lines().anyMatch(l -> l.startsWith(name + " ")), name + " in\n" + text);
        }
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, read("read", "--optical", "--json", "--port", ptys.pathB().toString(), "--key", KEY_HEX),
                err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertTrue(json.has("utility_sn"), out.toString());
        assertEquals(MeterProfile.DEFAULT.utilitySerial(), json.get("utility_sn").asText());
        assertEquals("Wh", json.get("units").get("fwd_act_wh").asText());
        assertEquals("mV", json.get("units").get("l1_rms_v").asText(), "the MEP read's units");
        assertFalse(out.toString().contains(KEY_HEX) || err.toString().contains(KEY_HEX) || simulateOut.toString().contains(KEY_HEX),
                "the key is never printed");
        assertEquals(ExitCodes.OK, stopSimulator());
        assertTrue(simulateOut.toString().contains("0 refused keys"), simulateOut.toString());
    }

    @Test
    void aWrongKeyIsExitSixInOneLine() throws Exception {
        simulate();
        String wrong = "00".repeat(20);
        assertEquals(ExitCodes.AUTHENTICATION, read("read", "--optical", "--port", ptys.pathB().toString(), "--key", wrong));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(err.toString().contains(wrong), err.toString());
        stopSimulator();
        assertTrue(simulateOut.toString().contains("1 refused keys"), simulateOut.toString());
    }

    @Test
    void aMeterThatNeverAnswersEndsWithinTheLinkTimeouts() throws Exception {
        long t0 = System.nanoTime();
        int code = read("read", "--optical", "--port", ptys.pathB().toString(), "--key", KEY_HEX, "--timeout-scale", "0.05");
        assertEquals(ExitCodes.PROTOCOL, code, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "3 tries of a scaled 2 s ACK timeout, not a hang");
    }

    static boolean termineterInstalled() {
        if (!Files.isExecutable(PYTHON)) return false;
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import c1218.connection").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the termineter client script on the host end; returns its output lines. */
    List<String> termineter(String key, String... args) throws Exception {
        Path script = dir.resolve("termineter_client.py");
        try (InputStream in = getClass().getResourceAsStream("termineter_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-B", script.toString(), ptys.pathB().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OPTICAL_KEY_HEX", key);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        try {
            byte[] output = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "termineter finished");
            String text = new String(output, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            return text.strip().lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void termineterReadsTables1_23And28WithTheBytesTheSimulatorServes() throws Exception {
        Assumptions.assumeTrue(termineterInstalled(), "termineter is not installed (apt-get install -y termineter; ./test-all does it)");
        simulate();
        List<String> lines = termineter(KEY_HEX, "1,23,28,2098,99", "28:32:8");
        assertEquals(List.of(
                "login True",
                "table 1 " + tableHex(TableId.BT01),
                "table 23 " + tableHex(TableId.BT23),
                "table 28 " + tableHex(TableId.BT28),
                "table 2098 " + tableHex(TableId.ET50),
                "refused 99 " + ResponseCode.SNS.code(),
                "partial 28 32 " + tableHex(TableId.BT28).substring(64, 80)), lines);
        assertEquals(16, tableHex(TableId.BT23).length(), "BT23 as over the optical port: 2 x u32");
        assertEquals(80, tableHex(TableId.BT28).length(), "BT28: 10 x u32");
        assertTrue(tableHex(TableId.ET50).length() / 2 > 64 - 8, "ET50 needs two 64-byte packets");
        assertEquals(ExitCodes.OK, stopSimulator());
    }

    @Test
    void termineterIsRefusedWithAWrongKeyAndGetsIscWithoutSecurity() throws Exception {
        Assumptions.assumeTrue(termineterInstalled(), "termineter is not installed (apt-get install -y termineter; ./test-all does it)");
        simulate();
        assertEquals(List.of("login False"), termineter("00".repeat(20), ""));
        assertEquals(List.of("login True", "table 1 " + tableHex(TableId.BT01), "refused 23 " + ResponseCode.ISC.code()),
                termineter("", "1,23"));
        stopSimulator();
        assertTrue(simulateOut.toString().contains("1 refused keys"), simulateOut.toString());
    }
}
