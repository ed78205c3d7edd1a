package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mqtt.Mosquitto;
import org.mepkit.mqtt.MosquittoTesting;
import org.mepkit.mqtt.Subscriber;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.Ports;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;

import picocli.CommandLine;

/** The broker's user and password: from a file or MEP_MQTT_PASSWORD, never printed, a refusal said plainly. */
class WatchMqttAuthTest {

    private static final String SECRET = "Br0ker-Secret-42";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) { }

    private Run watch(Mosquitto broker, Map<String, String> env, String... extra) throws Exception {
        Files.writeString(dir.resolve("mbk.txt"), "MY-METER-KEY\n");
        try (PtyMasterLine meterEnd = PtyMasterLine.open(LineSettings.MEP);
             VirtualMeter meter = new VirtualMeter(meterEnd, MbkKey.of("MY-METER-KEY"), MeterProfile.DEFAULT,
                     SystemTicker.INSTANCE, VirtualMeter.Pacing.UNPACED).start();
             Subscriber sub = Subscriber.withUser(broker.url(), "mep", SECRET, "mepkit/#")) {
            AtomicBoolean stop = new AtomicBoolean();
            WatchCommand command = new WatchCommand(Ports.OPENER, env, stop::get);
            CommandLine cli = MepCommand.commandLine(List.of(new CommandContribution() {
                @Override public String parent() { return ""; }
                @Override public Object command() { return command; }
            }));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            List<String> args = new java.util.ArrayList<>(List.of("watch", "--port", meterEnd.slavePath(), "--key-file",
                    dir.resolve("mbk.txt").toString(), "--mqtt", broker.url(), "--mqtt-user", "mep"));
            args.addAll(List.of(extra));
            int[] exit = {-1};
            Thread t = new Thread(() -> exit[0] = cli.execute(args.toArray(String[]::new)));
            t.start();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end && !err.toString().contains("MQTT broker")
                    && sub.received().stream().noneMatch(r -> r.payload().contains("\"sample\":2"))) {
                Thread.sleep(50);
            }
            if (err.toString().contains("connected to the MQTT broker")) {
                sub.await("a state", r -> r.topic().endsWith("/state") && r.payload().contains("\"sample\":2"), Duration.ofSeconds(20));
            }
            stop.set(true);
            t.join(15_000);
            return new Run(exit[0], out.toString(), err.toString() + sub.received().size());
        }
    }

    @Test
    @DisplayName("the password from --mqtt-password-file or MEP_MQTT_PASSWORD gets in")
    void passwordFromFileOrEnvironment() throws Exception {
        try (Mosquitto broker = MosquittoTesting.start(dir.resolve("broker"), "mep", SECRET)) {
            Path file = dir.resolve("mqtt.pw");
            Files.writeString(file, SECRET + "\n");
            Run fromFile = watch(broker, Map.of(), "--mqtt-password-file", file.toString());
            assertEquals(0, fromFile.exit(), fromFile.err());
            assertTrue(fromFile.err().contains("connected to the MQTT broker"), fromFile.err());
            Run fromEnv = watch(broker, Map.of(WatchCommand.PASSWORD_ENV, SECRET));
            assertTrue(fromEnv.err().contains("connected to the MQTT broker"), fromEnv.err());
            assertFalse((fromFile.out() + fromFile.err() + fromEnv.out() + fromEnv.err()).contains(SECRET), "never printed");
        }
    }

    @Test
    @DisplayName("a wrong password is refused by the broker: said once with a hint, retried with backoff, the password never shown")
    void wrongPassword() throws Exception {
        try (Mosquitto broker = MosquittoTesting.start(dir.resolve("broker"), "mep", SECRET)) {
            Run r = watch(broker, Map.of(WatchCommand.PASSWORD_ENV, "not-the-" + SECRET));
            assertEquals(0, r.exit());
            assertTrue(r.err().contains("refused the user name or password") || r.err().contains("not authorized"), r.err());
            assertTrue(r.err().contains("check --mqtt-user and the password"), r.err());
            assertFalse((r.out() + r.err()).contains(SECRET), "never printed");
        }
    }
}
