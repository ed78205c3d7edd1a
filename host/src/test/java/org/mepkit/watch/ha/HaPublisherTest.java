package org.mepkit.watch.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mepkit.mqtt.Publication;
import org.mepkit.time.ManualTicker;
import org.mepkit.watch.Sample;
import org.mepkit.watch.TestReadings;
import org.mepkit.watch.guard.MeterRating;
import org.mepkit.watch.guard.SpikeGuard;

class HaPublisherTest {

    private final ManualTicker clock = new ManualTicker();
    private final FakeLink link = new FakeLink(clock);
    private final List<String> notes = new ArrayList<>();
    private final HaDiscovery discovery = new HaDiscovery(new HaDiscovery.ReaderInfo("mepkit_pi_ttyUSB0", "reader", "mep", "1.0"), 60);
    private final HaPublisher publisher = new HaPublisher(link, discovery, clock, notes::add);
    private final SpikeGuard guard = new SpikeGuard(MeterRating.DEFAULT);
    private long number;

    private Sample accepted(long wh) {
        guard.check(TestReadings.reading(wh), clock.nanoTime());
        clock.advance(Duration.ofMillis(300));
        return new Sample(++number, TestReadings.reading(wh), Instant.EPOCH, clock.nanoTime(),
                guard.check(TestReadings.reading(wh), clock.nanoTime()));
    }

    private long stateCount() {
        return link.topics().stream().filter(t -> t.equals("mepkit/mepkit_meter_SN1/state")).count();
    }

    @Test
    @DisplayName("on connect: status online (retained), the will is offline (retained), discovery once the meter is known, then the state")
    void connectsAndAnnounces() {
        publisher.step();
        assertEquals(new Publication("mepkit/mepkit_pi_ttyUSB0/status", "offline", 1, true), link.will);
        assertEquals(new Publication("mepkit/mepkit_pi_ttyUSB0/status", "online", 1, true), link.published.get(0));
        assertEquals(1, link.published.size(), "no discovery before the meter's identity is known");
        publisher.offer(accepted(1000));
        publisher.step();
        assertTrue(link.published.stream().filter(p -> p.topic().endsWith("/config")).allMatch(Publication::retained));
        assertTrue(link.topics().contains("homeassistant/sensor/mepkit_meter_SN1_fwd_act_wh/config"));
        assertEquals("mepkit/mepkit_meter_SN1/state", link.published.get(link.published.size() - 1).topic());
        publisher.offer(accepted(1001));
        int before = link.published.size();
        publisher.step();
        assertEquals(before + 1, link.published.size(), "discovery is not repeated for every sample");
    }

    @Test
    @DisplayName("Home Assistant's birth message brings every config and the newest state again")
    void birthResends() {
        publisher.offer(accepted(1000));
        publisher.step();
        long configs = link.topics().stream().filter(t -> t.endsWith("/config")).count();
        link.published.clear();
        link.onMessage.accept("homeassistant/status", "offline");
        publisher.step();
        assertEquals(0, link.published.size());
        link.onMessage.accept("homeassistant/status", "online");
        publisher.step();
        assertEquals(configs, link.topics().stream().filter(t -> t.endsWith("/config")).count());
        assertEquals(1, stateCount());
    }

    @Test
    @DisplayName("while the broker is away reconnecting backs off 1 s to 60 s and only the newest sample waits; it goes out on reconnect")
    void reconnectKeepsNewest() {
        publisher.offer(accepted(1000));
        publisher.step();
        link.drop();
        link.published.clear();
        for (int i = 0; i < 5; i++) publisher.offer(accepted(1001 + i));
        for (int i = 0; i < 10; i++) {
            long next = publisher.step();
            clock.advance(Duration.ofNanos(Math.max(0, next - clock.nanoTime())));
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 2; i < link.attempts.size(); i++) gaps.add((link.attempts.get(i) - link.attempts.get(i - 1)) / 1_000_000_000L);
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), gaps, "after the first try at once");
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("lost the connection")), notes.toString());
        link.up = true;
        clock.advance(Duration.ofSeconds(60));
        publisher.step();
        assertEquals(1, stateCount(), "one state: the newest");
        String state = link.published.stream().filter(p -> p.topic().endsWith("/state")).findFirst().orElseThrow().payload();
        assertTrue(state.contains("\"fwd_act_wh\":1005"), state);
        assertEquals(4, publisher.superseded());
        assertTrue(link.topics().contains("homeassistant/sensor/mepkit_meter_SN1_fwd_act_wh/config"),
                "configs again: a broker without persistence forgot them");
        assertEquals("online", link.published.get(0).payload());
        assertTrue(notes.get(notes.size() - 1).startsWith("reconnected"), notes.toString());
    }

    @Test
    @DisplayName("close says offline (retained) before disconnecting")
    void closeSaysOffline() {
        publisher.step();
        publisher.close();
        assertEquals(new Publication("mepkit/mepkit_pi_ttyUSB0/status", "offline", 1, true),
                link.published.get(link.published.size() - 1));
    }
}
