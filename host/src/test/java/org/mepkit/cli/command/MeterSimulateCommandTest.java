package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkListener;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterReading;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.time.SystemTicker;

/** {@code mep meter simulate} on one end of a socat pair, read by the client on the other. */
class MeterSimulateCommandTest {

    static final String KEY_TEXT = "Sim#Key4Tests9876543";

    SocatPair ptys;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CountDownLatch stop = new CountDownLatch(1);
    final ExecutorService runner = Executors.newSingleThreadExecutor();

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

    Future<Integer> simulate(String... args) {
        CommandContribution simulate = new CommandContribution() {
            @Override public String parent() { return "meter"; }
            @Override public Object command() { return new MeterSimulateCommand(JscPorts::open, stop); }
        };
        picocli.CommandLine cli = MepCommand.commandLine(List.of(simulate));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return runner.submit(() -> cli.execute(args));
    }

    @Test
    void servesTheProfileUntilStoppedAndNeverPrintsTheKey() throws Exception {
        Future<Integer> exit = simulate("meter", "simulate", "--port", ptys.pathA().toString(), "--key", KEY_TEXT,
                "--profile", "export", "--unpaced");
        MeterReading reading;
        try (SerialLine host = JscPorts.open(ptys.pathB().toString(), LineSettings.MEP)) {
            MeterClient client = new MeterClient(host, MbkKey.of(KEY_TEXT), SystemTicker.INSTANCE,
                    ClientTimings.DEFAULT.withScale(3), LinkListener.NONE);
            reading = new MeterSession(client).readOnce();
        }
        stop.countDown();
        assertEquals(ExitCodes.OK, exit.get(10, TimeUnit.SECONDS), err.toString());
        assertEquals("ELON", reading.startup().identity().manufacturer());
        assertEquals(4550, reading.toJson().get("Rev_W"));
        String text = out.toString();
        assertTrue(text.startsWith("virtual meter on " + ptys.pathA() + " at 9600 baud: profile export"), text);
        assertTrue(text.contains("10 answered"), text);
        assertFalse(text.contains(KEY_TEXT) || err.toString().contains(KEY_TEXT), "the key was printed");
    }

    @Test
    void anUnknownProfileIsAUsageErrorNamingTheKnownOnes() throws Exception {
        int code = simulate("meter", "simulate", "--port", ptys.pathA().toString(), "--key", KEY_TEXT,
                "--profile", "nope").get(10, TimeUnit.SECONDS);
        assertEquals(ExitCodes.USAGE, code);
        assertEquals("mep: unknown meter profile 'nope' (known: default, export, import)" + System.lineSeparator(), err.toString());
    }

    @Test
    void aBusyPortIsExit4() throws Exception {
        try (SerialLine holder = JscPorts.open(ptys.pathA().toString(), LineSettings.MEP)) {
            int code = simulate("meter", "simulate", "--port", ptys.pathA().toString(), "--key", KEY_TEXT)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(ExitCodes.PORT, code, err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertFalse(err.toString().contains(KEY_TEXT));
        }
    }
}
