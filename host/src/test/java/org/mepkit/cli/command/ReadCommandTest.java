package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mep read} against the virtual meter on the other end of a socat pty pair. */
class ReadCommandTest {

    static final String KEY_TEXT = "Zq8#Lm2v9XkT4wRb7NcP";
    static final MbkKey KEY = MbkKey.of(KEY_TEXT);

    SocatPair ptys;
    SerialLine meterLine;
    VirtualMeter meter;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        ptys = PtyTesting.socatPair();
    }

    @AfterEach
    void stop() {
        if (meter != null) meter.close();
        if (meterLine != null) meterLine.close();
        ptys.close();
    }

    void serveMeter(MeterProfile profile) throws Exception {
        meterLine = JscPorts.open(ptys.pathA().toString(), LineSettings.MEP);
        meter = new VirtualMeter(meterLine, KEY, profile, SystemTicker.INSTANCE, VirtualMeter.Pacing.UNPACED).start();
    }

    int mep(String... args) {
        CommandContribution read = new MeterContributions.Read();
        picocli.CommandLine cli = MepCommand.commandLine(List.of(read));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String port() {
        return ptys.pathB().toString();
    }

    void assertKeyNeverShown() {
        assertFalse(out.toString().contains(KEY_TEXT), "key in stdout");
        assertFalse(err.toString().contains(KEY_TEXT), "key in stderr");
        assertFalse(out.toString().contains(KEY_TEXT.substring(0, 16)), "key's digest part in stdout");
    }

    @Test
    void printsIdentityEnergyAndPresentValuesWithUnits() throws Exception {
        serveMeter(MeterProfile.DEFAULT);
        assertEquals(ExitCodes.OK, mep("read", "--port", port(), "--key", KEY_TEXT), err.toString());
        String text = out.toString();
        assertTrue(text.contains("Meter_Manufacturer  ELON"), text);
        assertTrue(text.matches("(?s).*Meter_Model\\s+83331-3I.*"), text);
        assertTrue(text.matches("(?s).*Meter_SW_Version\\s+58\\.134.*"), text);
        assertTrue(text.matches("(?s).*Fwd_Act_Wh\\s+1234567 Wh.*"), text);
        assertTrue(text.matches("(?s).*L1_RMS_V\\s+231000 mV.*"), text);
        assertTrue(text.matches("(?s).*L3_PF_Fac\\s+-994 1/1000.*"), text);
        assertEquals("", err.toString());
        assertKeyNeverShown();
    }

    @Test
    void jsonUsesTheFirmwaresNamesInSnakeCaseAndCarriesUnits(@TempDir Path dir) throws Exception {
        serveMeter(MeterProfile.DEFAULT);
        Path keyFile = dir.resolve("mbk.key");
        Files.writeString(keyFile, KEY_TEXT + "\n");
        assertEquals(ExitCodes.OK, mep("read", "--port", port(), "--key-file", keyFile.toString(), "--json"), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("ELON", json.get("meter_manufacturer").asText());
        assertEquals(1_234_567, json.get("fwd_act_wh").asInt());
        assertEquals(231_000, json.get("l1_rms_v").asInt());
        assertEquals("mV", json.get("units").get("l1_rms_v").asText());
        assertEquals(-994, json.get("l3_pf_fac").asInt());
        assertEquals(1, out.toString().strip().lines().count(), "one JSON object on one line");
        assertKeyNeverShown();
    }

    @Test
    void aWrongKeyIsExit6WithOneLine() throws Exception {
        serveMeter(MeterProfile.DEFAULT);
        String wrong = "WrongKeyWrongKey1234";
        assertEquals(ExitCodes.AUTHENTICATION, mep("read", "--port", port(), "--key", wrong));
        assertEquals("mep: the meter refused the digest: wrong MBK key?" + System.lineSeparator(), err.toString());
        assertFalse(err.toString().contains(wrong));
        assertEquals("", out.toString());
    }

    @Test
    void noMeterOnTheLineIsAProtocolErrorAfterTheDerivedTimeouts() {
        assertEquals(ExitCodes.PROTOCOL, mep("read", "--port", port(), "--key", KEY_TEXT, "--timeout-scale", "0.1"));
        String e = err.toString();
        assertTrue(e.startsWith("mep: no answer from the meter to full read BT52"), e);
        assertTrue(e.contains(port()), e);
        assertEquals(1, e.lines().count(), e);
        assertKeyNeverShown();
    }

    @Test
    void aMissingPortIsExit4WithOneLine() {
        assertEquals(ExitCodes.PORT, mep("read", "--port", ptys.pathB() + ".missing", "--key", KEY_TEXT));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertKeyNeverShown();
    }

    @Test
    void aBadTimeoutScaleIsAUsageError() {
        assertEquals(ExitCodes.USAGE, mep("read", "--port", port(), "--key", KEY_TEXT, "--timeout-scale", "0"));
        assertTrue(err.toString().startsWith("mep: --timeout-scale"), err.toString());
    }
}
