package org.mepkit.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.power.OutputLine;
import org.mepkit.power.PowerException;
import org.mepkit.serial.LineSettings;
import org.mepkit.time.ManualTicker;

class RecoveryMachineTest {

    private final ManualTicker ticker = new ManualTicker();
    private final List<String> calls = new ArrayList<>();
    private final List<RecoveryEvent> events = new ArrayList<>();
    private OutputLine power;
    private OutputLine enable;

    @BeforeEach
    void lines() throws PowerException {
        power = mock(OutputLine.class);
        enable = mock(OutputLine.class);
        doAnswer(inv -> calls.add(ms() + " MAX " + ((boolean) inv.getArgument(0) ? "on" : "off"))).when(power).set(anyBoolean());
        doAnswer(inv -> calls.add(ms() + " ENABLE " + ((boolean) inv.getArgument(0) ? "on" : "off"))).when(enable).set(anyBoolean());
    }

    private long ms() {
        return ticker.nanoTime() / 1_000_000;
    }

    private RecoveryMachine machine(RecoveryPolicy policy) {
        return new RecoveryMachine(policy, LineSettings.MEP, power, enable, ticker, events::add);
    }

    /** Advances to each timed step in turn until the machine waits for its driver. */
    private RecoveryState runTimed(RecoveryMachine m) throws PowerException {
        RecoveryState s = m.poll();
        while (m.nextDeadlineNanos().isPresent() && s != RecoveryState.HEALTHY && s != RecoveryState.PROBING) {
            ticker.advance(Duration.ofNanos(m.nextDeadlineNanos().getAsLong() - ticker.nanoTime()));
            s = m.poll();
        }
        return s;
    }

    @Test
    void legacyBootAndPowerCycleFollowUpstreamTimingsExactly() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.LEGACY);
        m.start();
        assertEquals(RecoveryState.HEALTHY, runTimed(m));
        assertEquals(List.of("0 ENABLE off", "0 MAX on", "1000 ENABLE on"), calls);
        assertEquals(2000, ms(), "boot: MAX on, 1 s, ENABLE on, 1 s");
        calls.clear();

        m.onRequestSent(RecoveryReplay.POLL_REQUEST, RecoveryReplay.POLL_REPLY);
        ticker.advance(Duration.ofMillis(9_999));
        assertEquals(RecoveryState.HEALTHY, m.poll(), "upstream waits 10 s, not less");
        ticker.advance(Duration.ofMillis(1));
        assertEquals(RecoveryState.PROBE_DUE, runTimed(m));
        assertEquals(List.of("12000 ENABLE off", "12000 MAX off", "13000 MAX on", "14000 ENABLE on"), calls);
        assertEquals(15_000, ms(), "resend 3 s after the timeout");
    }

    @Test
    void defaultCycleOrderAndTimes() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.DEFAULT);
        m.start();
        runTimed(m);
        calls.clear();
        long t0 = ms();
        m.onRequestSent(19, 100);
        // 119 bytes * 10 bits / 9600 = 123.958 ms; x1.5 = 185.9 ms; + 1000 ms allowance = 1185.9 ms
        ticker.advance(Duration.ofMillis(1185));
        assertEquals(RecoveryState.HEALTHY, m.poll());
        ticker.advance(Duration.ofMillis(1));
        assertEquals(RecoveryState.PROBE_DUE, runTimed(m));
        long s = t0 + 1186;
        assertEquals(List.of(s + " ENABLE off", s + " MAX off", (s + 250) + " MAX on", (s + 270) + " ENABLE on"), calls);
        assertEquals(s + 290, ms());
        m.onRequestSent(22, 6);
        assertEquals(RecoveryState.PROBING, m.state());
        ticker.advance(Duration.ofMillis(80));
        m.onGoodReply();
        assertEquals(RecoveryState.HEALTHY, m.state());
        RecoveryEvent last = events.get(events.size() - 1);
        assertEquals(RecoveryEvent.Kind.RECOVERED, last.kind());
        assertEquals(1, last.cycle());
        assertTrue(last.detail().contains("0.370 s"), last.detail());
    }

    @Test
    void alertsWhileAReplyIsAwaitedRestartItsTimeoutUpToTenSecondsAfterTheRequest() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.DEFAULT);
        m.start();
        runTimed(m);
        long t0 = ms();
        m.onRequestSent(19, 100); // 1185.9 ms
        for (int i = 0; i < 8; i++) {
            ticker.advance(Duration.ofMillis(1000));
            m.onAlert();
            assertEquals(RecoveryState.HEALTHY, m.poll(), "an alert a second is the meter talking (" + i + ")");
        }
        ticker.advance(Duration.ofMillis(1185));
        assertEquals(RecoveryState.HEALTHY, m.poll(), "the timeout counts from the last alert");
        for (int i = 0; i < 4; i++) {
            ticker.advance(Duration.ofMillis(200));
            m.onAlert();
        }
        assertEquals(t0 + 9_985, ms());
        ticker.advance(Duration.ofMillis(14));
        assertEquals(RecoveryState.HEALTHY, m.poll());
        ticker.advance(Duration.ofMillis(1));
        assertEquals(RecoveryState.COOLING, m.poll(), "given up 10 s after the request at the latest, alerts or not");
    }

    @Test
    void replyTimeoutGrowsWithTheExpectedReplyAndShrinksWithBaud() {
        RecoveryPolicy p = RecoveryPolicy.DEFAULT;
        Duration small = p.replyTimeout(LineSettings.MEP, 19, 6);
        Duration large = p.replyTimeout(LineSettings.MEP, 19, 500);
        Duration fast = p.replyTimeout(LineSettings.MEP.withBaud(115200), 19, 500);
        assertTrue(small.compareTo(large) < 0 && fast.compareTo(large) < 0, small + " " + large + " " + fast);
        assertEquals(Duration.ofSeconds(10), RecoveryPolicy.LEGACY.replyTimeout(LineSettings.MEP, 19, 500));
    }

    @Test
    void garbageFramingAndAuthThresholds() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.DEFAULT);
        m.start();
        runTimed(m);
        m.onGarbage(7);
        assertEquals(RecoveryState.HEALTHY, m.state(), "7 bytes is below the threshold of 8");
        m.onGarbage(1);
        assertEquals(RecoveryState.COOLING, m.state());
        assertEquals("garbage: 8 unframeable bytes", events.stream()
                .filter(e -> e.kind() == RecoveryEvent.Kind.SUSPECT).findFirst().orElseThrow().detail());

        RecoveryMachine f = machine(RecoveryPolicy.DEFAULT);
        f.start();
        runTimed(f);
        f.onFramingError();
        f.onGoodReply();
        f.onFramingError();
        assertEquals(RecoveryState.HEALTHY, f.state(), "a good reply resets the framing count");
        f.onFramingError();
        assertEquals(RecoveryState.COOLING, f.state());

        RecoveryMachine a = machine(RecoveryPolicy.DEFAULT);
        a.start();
        runTimed(a);
        a.onAuthAnomaly();
        a.onAuthAnomaly();
        assertEquals(RecoveryState.HEALTHY, a.state());
        a.onAuthAnomaly();
        assertEquals(RecoveryState.COOLING, a.state());
    }

    @Test
    void aWrongKeyCostsOneCycleNotAnEndlessLoop() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.DEFAULT);
        m.start();
        runTimed(m);
        for (int i = 0; i < 3; i++) {
            m.onRequestSent(19, 100);
            m.onAuthAnomaly();
        }
        assertEquals(RecoveryState.PROBE_DUE, runTimed(m), "3 anomalies in a row: one power cycle");
        m.onRequestSent(22, 6);
        m.onAuthAnomaly();
        assertEquals(RecoveryState.HEALTHY, m.state(), "a well-formed 0x0B proves the link carries frames");
        for (int i = 0; i < 10; i++) {
            m.onRequestSent(19, 100);
            m.onAuthAnomaly();
            assertEquals(RecoveryState.HEALTHY, m.poll(), "no second auth episode before a good reply (" + i + ")");
        }
        m.onRequestSent(19, 100);
        m.onGoodReply();
        for (int i = 0; i < 3; i++) {
            m.onRequestSent(19, 100);
            m.onAuthAnomaly();
        }
        assertEquals(RecoveryState.COOLING, m.state(), "after a good reply auth anomalies count again");
        assertEquals(2, events.stream().filter(e -> e.kind() == RecoveryEvent.Kind.SUSPECT).count());
    }

    @Test
    void anAuthReplyAnswersTheRequestSoNoTimeoutFollows() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.LEGACY);
        m.start();
        runTimed(m);
        m.onRequestSent(19, 100);
        m.onAuthAnomaly();
        ticker.advance(Duration.ofSeconds(60));
        assertEquals(RecoveryState.HEALTHY, m.poll());
    }

    @Test
    void enableSettleGrowsWithTheCoolOffBackoff() {
        RecoveryPolicy p = RecoveryPolicy.DEFAULT;
        assertEquals(Duration.ofMillis(20), p.enableSettle(1));
        assertEquals(Duration.ofMillis(30), p.enableSettle(2));
        assertEquals(Duration.ofSeconds(2), p.enableSettle(20));
        assertEquals(Duration.ofSeconds(1), RecoveryPolicy.LEGACY.enableSettle(30));
    }

    @Test
    void legacyIgnoresGarbageAndWaitsForTheTimeout() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.LEGACY);
        m.start();
        runTimed(m);
        m.onRequestSent(19, 100);
        m.onGarbage(10_000);
        m.onFramingError();
        m.onFramingError();
        assertEquals(RecoveryState.HEALTHY, m.state());
        ticker.advance(Duration.ofSeconds(10));
        assertEquals(RecoveryState.COOLING, m.poll(), "only the 10 s timeout cycles");
    }

    @Test
    void coolOffBacksOffAndIsCapped() {
        RecoveryPolicy p = RecoveryPolicy.DEFAULT;
        List<Long> ms = new ArrayList<>();
        for (int c = 1; c <= 7; c++) ms.add(p.coolOff(c).toMillis());
        assertEquals(List.of(250L, 375L, 562L, 843L, 1265L, 1898L, 2000L), ms);
        assertEquals(Duration.ofSeconds(1), RecoveryPolicy.LEGACY.coolOff(30));
    }

    @Test
    void escalatesInsteadOfProbingAfterMaxCycles() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.DEFAULT.withMaxCycles(3));
        m.start();
        runTimed(m);
        m.onRequestSent(19, 100);
        int probes = 0;
        RecoveryState s;
        while ((s = runTimedUntilDriver(m)) == RecoveryState.PROBE_DUE) {
            probes++;
            m.onRequestSent(22, 6);
        }
        assertEquals(RecoveryState.ESCALATED, s);
        assertEquals(2, probes, "cycles 1 and 2 probe; after cycle 3 it escalates");
        assertEquals(3, m.cycle());
        RecoveryEvent last = events.get(events.size() - 1);
        assertEquals(RecoveryEvent.Kind.ESCALATED, last.kind());
        assertTrue(last.detail().endsWith("report"), last.detail());
        assertThrows(IllegalStateException.class, () -> m.onRequestSent(22, 6));
    }

    @Test
    void legacyRebootsAfterFiftyTransmissions() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.LEGACY);
        m.start();
        runTimed(m);
        long start = ticker.nanoTime();
        m.onRequestSent(19, 100);
        int sends = 1;
        while (runTimedUntilDriver(m) == RecoveryState.PROBE_DUE) {
            sends++;
            m.onRequestSent(19, 100);
        }
        assertEquals(50, sends);
        assertEquals(RecoveryState.ESCALATED, m.state());
        assertTrue(events.get(events.size() - 1).detail().endsWith("reboot"));
        assertEquals(50 * 13_000L, (ticker.nanoTime() - start) / 1_000_000, "50 x (10 s + 3 s)");
    }

    private RecoveryState runTimedUntilDriver(RecoveryMachine m) throws PowerException {
        while (true) {
            RecoveryState s = m.poll();
            if (s == RecoveryState.PROBE_DUE || s == RecoveryState.ESCALATED) return s;
            ticker.advance(Duration.ofNanos(m.nextDeadlineNanos().getAsLong() - ticker.nanoTime()));
        }
    }

    @Test
    void everyEventCarriesItsTimeAndTheStateAfterIt() throws PowerException {
        RecoveryMachine m = machine(RecoveryPolicy.DEFAULT);
        m.start();
        runTimed(m);
        m.onGarbage(100);
        runTimed(m);
        List<RecoveryEvent.Kind> kinds = events.stream().map(RecoveryEvent::kind).toList();
        assertEquals(List.of(RecoveryEvent.Kind.ENABLE_OFF, RecoveryEvent.Kind.POWER_ON, RecoveryEvent.Kind.ENABLE_ON,
                RecoveryEvent.Kind.READY, RecoveryEvent.Kind.SUSPECT, RecoveryEvent.Kind.ENABLE_OFF,
                RecoveryEvent.Kind.POWER_OFF, RecoveryEvent.Kind.POWER_ON, RecoveryEvent.Kind.ENABLE_ON,
                RecoveryEvent.Kind.PROBE_DUE), kinds);
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).atNanos() >= events.get(i - 1).atNanos(), "time never goes back");
        }
        assertEquals(RecoveryState.HEALTHY, events.get(3).state(), "READY");
        assertEquals(RecoveryState.COOLING, events.get(4).state(), "SUSPECT: cooling begins");
        assertEquals(RecoveryState.COOLING, events.get(6).state());
    }

    @Test
    void aFailingPowerLineSurfacesAsPowerException() throws PowerException {
        doAnswer(inv -> {
            throw new PowerException(PowerException.Reason.FAILED, "gone");
        }).when(power).set(anyBoolean());
        RecoveryMachine m = machine(RecoveryPolicy.DEFAULT);
        assertThrows(PowerException.class, m::start);
    }
}
