package org.mepkit.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.mqtt.Mosquitto;
import org.mepkit.mqtt.MosquittoTesting;
import org.mepkit.mqtt.MqttSettings;
import org.mepkit.mqtt.PahoLink;
import org.mepkit.mqtt.Subscriber;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.OpticalMeterReader;
import org.mepkit.optical.OpticalSettings;
import org.mepkit.optical.link.LinkProfile;
import org.mepkit.optical.link.LinkStats;
import org.mepkit.optical.link.OpticalLink;
import org.mepkit.optical.service.C1218Client;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.sim.optical.OpticalRig;
import org.mepkit.sim.optical.VirtualOpticalMeter;
import org.mepkit.time.SystemTicker;
import org.mepkit.watch.guard.MeterRating;
import org.mepkit.watch.guard.SpikeGuard;
import org.mepkit.watch.ha.HaDiscovery;
import org.mepkit.watch.ha.HaPublisher;

/** The watcher through the optical port: one C12.18 session per reading, against the virtual optical meter. */
class WatchOpticalTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("over a socat pty pair at 9600 baud to a real mosquitto: the optical BT28's entities only, states published")
    void opticalOverPtyToMosquitto() throws Exception {
        List<String> notes = new ArrayList<>();
        try (Mosquitto broker = MosquittoTesting.start(dir.resolve("broker"));
             SocatPair ptys = PtyTesting.socatPair();
             SerialLine meterLine = JscPorts.open(ptys.pathB().toString(), LineSettings.MEP);
             SerialLine hostLine = JscPorts.open(ptys.pathA().toString(), LineSettings.MEP);
             VirtualOpticalMeter meter = VirtualOpticalMeter.of(meterLine, MeterProfile.DEFAULT, OpticalRig.KEY,
                     SystemTicker.INSTANCE, VirtualMeter.Pacing.PACED).start();
             Subscriber sub = new Subscriber(broker.url(), "homeassistant/#", "mepkit/#");
             HaPublisher publisher = new HaPublisher(new PahoLink(new MqttSettings(broker.url(), null, null, "mepkit-optical-test")),
                     new HaDiscovery(HaDiscovery.ReaderInfo.of("test", ptys.pathA().toString(), "optical", "test"), 60),
                     SystemTicker.INSTANCE, notes::add).start()) {
            OpticalMeterReader reader = new OpticalMeterReader(new C1218Client(new OpticalLink(hostLine, SystemTicker.INSTANCE,
                    LinkProfile.C1218, new LinkStats())), OpticalRig.KEY, OpticalSettings.DEFAULT);
            List<Sample> seen = new ArrayList<>();
            Watcher w = new Watcher(() -> Watcher.Connection.of(reader, () -> { }), new SpikeGuard(MeterRating.DEFAULT),
                    SystemTicker.INSTANCE, Clock.systemUTC(), Duration.ZERO, List.of(seen::add, s -> {
                        if (s.accepted()) publisher.offer(s);
                    }), e -> { });
            w.run(() -> seen.size() >= 4);
            assertEquals(List.of("confirming", "accepted", "accepted", "accepted"), seen.stream().map(Sample::status).toList());
            assertEquals("optical", seen.get(1).reading().path());
            assertNull(seen.get(1).values().get("l1_fwd_w"), "the optical BT28 has no per-phase power");
            sub.await("a state", r -> r.topic().equals("mepkit/mepkit_meter_1234567890ABCDEF/state"), Duration.ofSeconds(10));
            sub.await("the power config", r -> r.topic().endsWith("_fwd_w/config"), Duration.ofSeconds(5));
            assertFalse(sub.received().stream().anyMatch(r -> r.topic().endsWith("_l1_fwd_w/config")));
            assertTrue(sub.received().stream().anyMatch(r -> r.topic().endsWith("_l1_rms_v/config")));
        }
    }

    @Test
    @DisplayName("a key the optical port refuses backs off from 30 s (virtual time) and is said to be refused")
    void refusedKey() {
        OpticalRig rig = new OpticalRig();
        OpticalMeterReader reader = rig.reader(OpticalKey.of("Wrong#Key-4-Tests!!!"));
        List<WatchEvent> events = new ArrayList<>();
        Watcher w = new Watcher(() -> Watcher.Connection.of(reader, () -> { }), new SpikeGuard(MeterRating.DEFAULT), rig.ticker,
                Clock.systemUTC(), Duration.ZERO, List.of(), events::add);
        WatchSummary s = w.run(() -> events.stream().filter(e -> e.kind() == WatchEvent.Kind.AUTH_REFUSED).count() >= 3);
        assertEquals(3, s.authRefusals());
        assertEquals(List.of(30L, 60L, 120L), events.stream().filter(e -> e.kind() == WatchEvent.Kind.AUTH_REFUSED)
                .map(e -> e.retryIn().toSeconds()).toList());
        assertEquals(0, s.samples());
    }
}
