package org.mepkit.recovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepkit.power.RecordingOutputLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.sim.max3232.Max3232Bridge;
import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.SystemTicker;

/**
 * The engine recovers the flaky and bad fault models behind a real pty pair opened with jSerialComm.
 * A pty has no modem lines, so the chip's supply is driven through its {@code OutputLine} interface.
 */
class RecoveryOverPtyTest {

    /** Default timings without backoff, so a bad chip's many cycles stay short; cycles bounded by maxCycles. */
    private static final RecoveryPolicy POLICY = new RecoveryPolicy("test",
            Duration.ZERO, Duration.ofMillis(250), 1.5, Duration.ofMillis(250), 1.0, Duration.ofMillis(250),
            Duration.ofMillis(20), Duration.ofMillis(20), 8, 2, 3, RecoveryPolicy.Probe.CHEAP_REQUEST, 80,
            RecoveryPolicy.Escalation.REPORT, Duration.ZERO);

    /** The first seed from 1 whose first power-up comes up haywire: every run starts with a fault. */
    private static long faultySeed(Max3232Profile profile) {
        for (long seed = 1; ; seed++) {
            Max3232Model m = new Max3232Model(profile, seed, new ManualTicker());
            m.setPowered(true);
            if (m.condition() == Max3232Model.Condition.HAYWIRE) return seed;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flaky", "bad"})
    void recoversAndThenEveryExchangeIsExact(String name) throws Exception {
        Max3232Profile profile = Max3232Profile.named(name);
        long seed = faultySeed(profile);
        Max3232Model chip = new Max3232Model(profile, seed, SystemTicker.INSTANCE);
        List<RecoveryEvent> events = new CopyOnWriteArrayList<>();
        try (SocatPair pair = PtyTesting.socatPair();
             SerialLine host = JscPorts.open(pair.pathA().toString(), LineSettings.MEP);
             SerialLine chipSide = JscPorts.open(pair.pathB().toString(), LineSettings.MEP);
             Max3232Bridge bridge = Max3232Bridge.loopback(chip, chipSide)) {
            RecordingOutputLine enable = new RecordingOutputLine("ENABLE", SystemTicker.INSTANCE::nanoTime);
            RecoveryMachine machine = new RecoveryMachine(POLICY, LineSettings.MEP, chip.supply(), enable,
                    SystemTicker.INSTANCE, events::add);
            RecoveringExchanger link = new RecoveringExchanger(host, machine, SystemTicker.INSTANCE);
            link.start();
            byte[] probe = {0x01, 0x02, 0x03, 0x04};
            for (int i = 0; i < 5; i++) {
                byte[] request = ("request " + i + " through the MAX3232").getBytes();
                byte[] reply = link.exchange(request, request.length, probe, probe.length, ReplyCheck.echo());
                assertArrayEquals(request, reply, name + " seed " + seed + " exchange " + i);
            }
            assertTrue(bridge.failure() == null, String.valueOf(bridge.failure()));
        }
        long recovered = events.stream().filter(e -> e.kind() == RecoveryEvent.Kind.RECOVERED).count();
        assertTrue(chip.haywirePowerUps() >= 1 && recovered >= 1,
                name + " seed " + seed + ": haywire power-ups " + chip.haywirePowerUps() + ", recoveries " + recovered + ", events " + events);
        assertTrue(chip.condition() == Max3232Model.Condition.GOOD, "ends good");
    }
}
