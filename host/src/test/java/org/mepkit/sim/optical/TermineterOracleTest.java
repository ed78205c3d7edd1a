package org.mepkit.sim.optical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.mep.table.TableId;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.service.ResponseCode;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.MeterTables;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.SystemTicker;
import org.mepkit.util.Hex;

/**
 * termineter (Debian's package: its c1218 client library, run by /usr/bin/python3) as an independent
 * C12.18 client of the virtual optical meter over a socat pty pair: what it reads must be the bytes
 * the meter serves. The meter's clock stands still so its energy registers do not move meanwhile.
 * The client script is ours ({@code termineter_client.py}); termineter itself is only installed.
 */
class TermineterOracleTest {

    static final String KEY_HEX = "4d45506b69742d6f70746963616c2d6f7261636c";   // 20 bytes
    static final Path PYTHON = Path.of("/usr/bin/python3");

    SocatPair ptys;
    SerialLine meterLine;
    VirtualOpticalMeter meter;
    OpticalTables tables;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(termineterInstalled(), "termineter is not installed (apt-get install -y termineter; ./test-all does it)");
        ptys = PtyTesting.socatPair();
        meterLine = JscPorts.open(ptys.pathA().toString(), LineSettings.MEP);
        tables = new OpticalTables(new MeterTables(MeterProfile.DEFAULT, new ManualTicker()), MeterProfile.DEFAULT, OpticalLayout.OPTICAL);
        OpticalMeterMachine machine = new OpticalMeterMachine(tables, OpticalKey.of(KEY_HEX), OpticalMeterMachine.Config.DEFAULT);
        meter = new VirtualOpticalMeter(meterLine, machine, SystemTicker.INSTANCE, VirtualMeter.Pacing.PACED).start();
    }

    @AfterEach
    void stop() {
        if (meter != null) meter.close();
        if (meterLine != null) meterLine.close();
        if (ptys != null) ptys.close();
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

    /** Runs the termineter client script; returns its output lines. */
    List<String> termineter(Path dir, String key, String... args) throws Exception {
        Path script = dir.resolve("termineter_client.py");
        try (InputStream in = getClass().getResourceAsStream("termineter_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString(), "-B", script.toString(), ptys.pathB().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OPTICAL_KEY_HEX", key);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "termineter finished");
            String text = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            return text.strip().lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }

    String hex(TableId id) {
        return Hex.lower(tables.table(id));
    }

    @Test
    void termineterReadsTables1_23And28AsTheVirtualMeterServesThem(@TempDir Path dir) throws Exception {
        List<String> lines = termineter(dir, KEY_HEX, "1,23,28,2098,99", "28:32:8");
        assertEquals(List.of(
                "login True",
                "table 1 " + hex(TableId.BT01),
                "table 23 " + hex(TableId.BT23),
                "table 28 " + hex(TableId.BT28),
                "table 2098 " + hex(TableId.ET50),
                "refused 99 " + ResponseCode.SNS.code(),
                "partial 28 32 " + hex(TableId.BT28).substring(64, 80)), lines);
        assertEquals(8, tables.table(TableId.BT23).length, "BT23 as over the optical port: 2 x u32");
        assertEquals(40, tables.table(TableId.BT28).length, "BT28: 10 x u32");
        assertEquals(72, tables.table(TableId.ET50).length + 4, "ET50 came in two 64-byte packets");
        assertEquals(OpticalMeterMachine.State.BASE, meter.machine().state(), "termineter ended with terminate");
    }

    @Test
    void termineterIsRefusedWithAWrongKeyAndGetsIscWithoutSecurity(@TempDir Path dir) throws Exception {
        assertEquals(List.of("login False"), termineter(dir, "00".repeat(20), ""));
        assertEquals(1, meter.machine().securityFailures());
        assertEquals(List.of("login True", "table 1 " + hex(TableId.BT01), "refused 23 " + ResponseCode.ISC.code()),
                termineter(dir, "", "1,23"));
    }
}
