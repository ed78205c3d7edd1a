package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mqtt.Mosquitto;
import org.mepkit.mqtt.MosquittoTesting;
import org.mepkit.mqtt.Subscriber;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;
import org.mepkit.watch.SampleLog;

/**
 * {@code mep watch} in its own JVM, as a user runs it, against a virtual meter on a pty and a real mosquitto:
 * killed with SIGKILL the broker publishes its last will {@code offline} and the log keeps every complete line;
 * a line cut short is found and skipped by the next start; Ctrl-C stops it with a summary and exit 130.
 */
class WatchChildTest {

    private static final String KEY = "MY-METER-KEY";

    @TempDir
    Path dir;

    private Mosquitto broker;
    private PtyMasterLine meterEnd;
    private VirtualMeter meter;

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoTesting.start(dir.resolve("broker"));
        meterEnd = PtyMasterLine.open(LineSettings.MEP);
        meter = new VirtualMeter(meterEnd, MbkKey.of(KEY), MeterProfile.DEFAULT, SystemTicker.INSTANCE,
                VirtualMeter.Pacing.PACED).start();
        Files.writeString(dir.resolve("mbk.txt"), KEY + "\n");
    }

    @AfterEach
    void end() throws Exception {
        meter.close();
        meterEnd.close();
        broker.close();
    }

    private ChildMep watch(Path log) throws Exception {
        return ChildMep.start(dir, Map.of("MEP_PROGRESS", "plain"), "watch", "--port", meterEnd.slavePath(),
                "--key-file", dir.resolve("mbk.txt").toString(), "--mqtt", broker.url(), "--log", log.toString());
    }

    @Test
    @DisplayName("kill -9: the broker sends the last will offline; the log's lines are whole but for at most the last")
    void killNine() throws Exception {
        Path log = dir.resolve("samples.jsonl");
        try (Subscriber sub = new Subscriber(broker.url(), "mepkit/#")) {
            try (ChildMep child = watch(log)) {
                sub.await("three states", r -> r.topic().endsWith("/state") && r.payload().contains("\"sample\":4"),
                        Duration.ofSeconds(60));
                Subscriber.Received online = sub.await("online", r -> r.topic().endsWith("/status") && r.payload().equals("online"),
                        Duration.ofSeconds(5));
                sub.clear();
                child.kill9();
                Subscriber.Received will = sub.await("the last will", r -> r.topic().equals(online.topic()), Duration.ofSeconds(10));
                assertEquals("offline", will.payload());
            }
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        long cut = text.endsWith("\n") ? 0 : 1;
        SampleLog.Contents contents = SampleLog.read(log);
        assertEquals(cut, contents.skippedLines(), "only a cut last line is skipped");
        assertTrue(contents.records().size() >= 4, contents.records().size() + " records");
        for (int i = 0; i < contents.records().size(); i++) {
            assertEquals(String.valueOf(i + 1), contents.records().get(i).get("sample"), "no line lost or merged");
        }
    }

    @Test
    @DisplayName("a log line cut short by a kill is found at the next start, ended, and skipped by readers; new lines stay whole")
    void cutLineIsSkipped() throws Exception {
        Path log = dir.resolve("samples.csv");
        int complete;
        try (Subscriber sub = new Subscriber(broker.url(), "mepkit/#")) {
            try (ChildMep child = watch(log)) {
                sub.await("two states", r -> r.topic().endsWith("/state") && r.payload().contains("\"sample\":3"), Duration.ofSeconds(60));
                child.kill9();
            }
            // what a kill in the middle of a write leaves: the file ends inside a line
            String text = Files.readString(log, StandardCharsets.UTF_8);
            int lastLine = text.lastIndexOf('\n', text.length() - 2) + 1;
            Files.writeString(log, text.substring(0, lastLine + (text.length() - lastLine) / 2), StandardCharsets.UTF_8);
            complete = SampleLog.read(log).records().size();
            sub.clear();
            try (ChildMep child = watch(log)) {
                child.awaitOutput("the note about the cut line", s -> s.contains("cut short"), Duration.ofSeconds(30));
                sub.await("a state", r -> r.topic().endsWith("/state") && r.payload().contains("\"sample\":3"), Duration.ofSeconds(60));
                child.sigint();
                assertEquals(ExitCodes.INTERRUPTED, child.exitCode(Duration.ofSeconds(20)));
                assertTrue(child.out().contains("samples") && child.out().contains("published"), child.out());
            }
            sub.await("offline after Ctrl-C", r -> r.topic().endsWith("/status") && r.payload().equals("offline"), Duration.ofSeconds(5));
        }
        SampleLog.Contents contents = SampleLog.read(log);
        assertEquals(1, contents.skippedLines());
        assertTrue(contents.records().size() >= complete + 3, contents.records().size() + " records");
        assertFalse(Files.readString(log).lines().skip(1).anyMatch(String::isEmpty), "no empty lines");
    }
}
