package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepCommand;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.net.Ser2net;
import org.mepkit.serial.net.Ser2netTesting;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;

/** {@code mep read --port rfc2217://...}: the virtual meter on a pty exported by a real ser2net on loopback. */
class ReadOverRfc2217Test {

    @TempDir
    Path dir;
    PtyMasterLine meterSide;
    Ser2net ser2net;
    VirtualMeter meter;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void export() throws Exception {
        meterSide = PtyMasterLine.open(LineSettings.MEP);
        ser2net = Ser2netTesting.start(dir, new Ser2net.Device("meter", meterSide.slavePath(), LineSettings.MEP));
    }

    @AfterEach
    void stop() {
        if (meter != null) meter.close();
        if (ser2net != null) ser2net.close();
        meterSide.close();
    }

    int mep(String... args) {
        picocli.CommandLine cli = MepCommand.commandLine(List.of(new MeterContributions.Read()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void readsTheMeterThroughTheExporter() throws Exception {
        meter = new VirtualMeter(meterSide, ReadCommandTest.KEY, MeterProfile.DEFAULT, SystemTicker.INSTANCE, VirtualMeter.Pacing.UNPACED).start();
        assertEquals(ExitCodes.OK, mep("read", "--port", ser2net.url("meter"), "--key", ReadCommandTest.KEY_TEXT), err.toString());
        assertTrue(out.toString().matches("(?s).*Fwd_Act_Wh\\s+1234567 Wh.*"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void anExporterKilledMidSessionIsExit4WithOneLine() throws Exception {
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(
                () -> mep("read", "--port", ser2net.url("meter"), "--key", ReadCommandTest.KEY_TEXT));
        byte[] request = new byte[64];
        int n = 0;
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (n == 0 && System.nanoTime() < end) n = meterSide.read(request, 0, request.length, Duration.ofMillis(200));
        assertTrue(n > 0, "the first request reached the meter's pty");
        ser2net.kill();
        int code = read.get(10, TimeUnit.SECONDS);
        assertEquals(ExitCodes.PORT, code, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("mep: " + ser2net.url("meter") + ": the exporter closed the connection"), err.toString());
    }

    @Test
    void aStoppedExporterIsExit4ConnectionRefused() throws Exception {
        String url = ser2net.url("meter");
        ser2net.close();
        assertEquals(ExitCodes.PORT, mep("read", "--port", url, "--key", ReadCommandTest.KEY_TEXT));
        assertEquals("mep: " + url + ": connection refused (is the port exporter, e.g. ser2net, running on 127.0.0.1 port "
                + url.substring(url.lastIndexOf(':') + 1) + "?)" + System.lineSeparator(), err.toString());
    }
}
