package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;
import org.mepkit.mqtt.Mosquitto;
import org.mepkit.mqtt.MosquittoTesting;
import org.mepkit.mqtt.Subscriber;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.Ports;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.sim.optical.OpticalRig;
import org.mepkit.sim.optical.VirtualOpticalMeter;
import org.mepkit.time.SystemTicker;

import picocli.CommandLine;

/** {@code mep watch --optical} against the virtual optical meter on a pty, to a real mosquitto. */
class WatchOpticalCliTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("--optical: one C12.18 session per reading; the reader device says optical port; states published")
    void opticalWatch() throws Exception {
        Files.writeString(dir.resolve("key.txt"), OpticalRig.KEY_TEXT + "\n");
        try (Mosquitto broker = MosquittoTesting.start(dir.resolve("broker"));
             PtyMasterLine meterEnd = PtyMasterLine.open(LineSettings.MEP);
             VirtualOpticalMeter meter = VirtualOpticalMeter.of(meterEnd, MeterProfile.DEFAULT, OpticalRig.KEY,
                     SystemTicker.INSTANCE, VirtualMeter.Pacing.PACED).start();
             Subscriber sub = new Subscriber(broker.url(), "homeassistant/#", "mepkit/#")) {
            AtomicBoolean stop = new AtomicBoolean();
            CommandLine cli = MepCommand.commandLine(List.of(new CommandContribution() {
                @Override public String parent() { return ""; }
                @Override public Object command() { return new WatchCommand(Ports.OPENER, Map.of(), stop::get); }
            }));
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(new StringWriter(), true));
            int[] exit = {-1};
            Thread t = new Thread(() -> exit[0] = cli.execute("watch", "--optical", "--port", meterEnd.slavePath(), "--key-file",
                    dir.resolve("key.txt").toString(), "--mqtt", broker.url()));
            t.start();
            sub.await("a state", r -> r.topic().equals("mepkit/mepkit_meter_1234567890ABCDEF/state")
                    && r.payload().contains("\"sample\":3"), Duration.ofSeconds(30));
            Subscriber.Received link = sub.await("the link config", r -> r.topic().endsWith("_link/config"), Duration.ofSeconds(5));
            assertEquals("mep watch (optical port)", new ObjectMapper().readTree(link.payload()).get("device").get("model").asText());
            stop.set(true);
            t.join(15_000);
            assertEquals(0, exit[0]);
            assertTrue(out.toString().contains("optical port, one C12.18 session per reading"), out.toString());
        }
    }

    @Test
    @DisplayName("--power has no meaning for an optical probe: a usage error")
    void noPowerWithOptical() {
        CommandLine cli = MepCommand.commandLine(List.of(new CommandContribution() {
            @Override public String parent() { return ""; }
            @Override public Object command() { return new WatchCommand(Ports.OPENER, Map.of("MEP_KEY", "k"), () -> true); }
        }));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("watch", "--optical", "--port", "/dev/null", "--power", "dtr"));
        assertTrue(err.toString().contains("optical probe has none"), err.toString());
    }
}
