package org.mepkit.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkCounters;
import org.mepkit.mep.client.LinkListener;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mep.frame.AuthenticationFailureException;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.power.OutputLine;
import org.mepkit.power.RecordingOutputLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.memory.ForwardingLine;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;

/**
 * A MAX3232 in bit-error mode corrupts our requests, and the meter answers 0x0B as it would for a
 * wrong key. With a power switch the client resends up to the policy's threshold and the engine
 * power-cycles the chip; without one the first 0x0B stays final, as in the firmware.
 */
class RefusedDigestRecoveryTest {

    private static final MbkKey KEY = MbkKey.of("mK7#pQ2v9LxT4wZb8NcR");
    private static final MbkKey WRONG_KEY = MbkKey.of("Wr0ngKeyWr0ngKeyWr0n");
    private static final LineSettings FAST_LINE = LineSettings.MEP.withBaud(115200);
    private static final ClientTimings TIMINGS = new ClientTimings(Duration.ofMillis(100), 1.0, 30, 3, Duration.ofMillis(100));

    private LinePair hostSide;
    private VirtualMeter meter;
    private BitErrorChip chip;
    private final List<RecoveryEvent> events = new CopyOnWriteArrayList<>();

    /**
     * A chip between host and meter that flips a bit in the last byte (the digest) of everything the
     * host writes while it is haywire; switching its power off cures it for good.
     */
    static final class BitErrorChip extends ForwardingLine {
        volatile boolean haywire;
        volatile int powerOffs;

        BitErrorChip(SerialLine line) {
            super(line);
        }

        @Override
        public void write(byte[] data, int offset, int len) throws SerialException {
            byte[] out = java.util.Arrays.copyOfRange(data, offset, offset + len);
            if (haywire && len > 0) out[len - 1] ^= 0x10;
            line.write(out, 0, out.length);
        }

        OutputLine supply() {
            return new OutputLine() {
                @Override public String name() { return "MAX3232 VCC"; }
                @Override public void set(boolean active) {
                    if (!active) {
                        powerOffs++;
                        haywire = false;
                    }
                }
            };
        }
    }

    @BeforeEach
    void wire() {
        hostSide = LinePair.create("memory:host", "memory:meter", FAST_LINE);
        chip = new BitErrorChip(hostSide.a());
    }

    @AfterEach
    void unplug() {
        if (meter != null) meter.close();
        hostSide.unplug();
    }

    private void meter(MbkKey key) {
        meter = new VirtualMeter(hostSide.b(), key, MeterProfile.DEFAULT, SystemTicker.INSTANCE,
                VirtualMeter.Pacing.UNPACED).start();
    }

    private MeterLinkRecovery recovery(RecoveryPolicy policy) throws Exception {
        RecoveryMachine machine = new RecoveryMachine(policy, FAST_LINE, chip.supply(),
                new RecordingOutputLine("ENABLE", SystemTicker.INSTANCE::nanoTime), SystemTicker.INSTANCE, events::add);
        MeterLinkRecovery recovery = new MeterLinkRecovery(machine, SystemTicker.INSTANCE);
        recovery.start();
        return recovery;
    }

    private MeterSession session(MbkKey key, LinkListener listener) {
        return new MeterSession(new MeterClient(chip, key, SystemTicker.INSTANCE, TIMINGS, listener));
    }

    private List<RecoveryEvent> episodes(RecoveryEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void aBitErrorChipIsPowerCycledAfterThreeRefusalsAndTheReadSucceeds() throws Exception {
        meter(KEY);
        MeterLinkRecovery recovery = recovery(RecoveryPolicy.DEFAULT);
        chip.haywire = true;                       // goes haywire after the boot-time power-up

        MeterSession.StartupTables tables = session(KEY, recovery).startup();

        assertEquals("ELON", tables.identity().manufacturer());
        assertEquals(3, meter.digestFailures(), "three refusals, then the probe after the cycle gets through");
        assertEquals(1, chip.powerOffs, "one power cycle cured the chip");
        List<RecoveryEvent> suspects = episodes(RecoveryEvent.Kind.SUSPECT);
        assertEquals(1, suspects.size(), events.toString());
        assertTrue(suspects.get(0).detail().startsWith("authentication"), suspects.toString());
        assertEquals(1, episodes(RecoveryEvent.Kind.RECOVERED).size(), events.toString());
        assertEquals(0, recovery.refusalsInARow());
    }

    @Test
    void aWrongKeyIsFinalAfterTheThresholdAndOnePowerCycle() throws Exception {
        meter(KEY);
        MeterLinkRecovery recovery = recovery(RecoveryPolicy.DEFAULT);

        assertThrows(AuthenticationFailureException.class, () -> session(WRONG_KEY, recovery).startup());

        assertEquals(4, meter.digestFailures(), "three refusals, a power cycle, and the probe refused too");
        assertEquals(4, recovery.refusalsInARow());
        assertEquals(1, recovery.cyclesDuringRefusals());
        assertEquals(1, chip.powerOffs, "a wrong key gets one power cycle, not more");
        assertEquals(1, episodes(RecoveryEvent.Kind.SUSPECT).size(), events.toString());
    }

    @Test
    void aPolicyThatNeverCountsRefusalsKeepsTheSecondOneFinal() throws Exception {
        meter(KEY);
        MeterLinkRecovery recovery = recovery(RecoveryPolicy.DEFAULT.withThresholds(8, 2, Integer.MAX_VALUE));
        chip.haywire = true;

        assertThrows(AuthenticationFailureException.class, () -> session(KEY, recovery).startup());

        assertEquals(2, meter.digestFailures(), "the client's own second try, then final");
        assertEquals(0, chip.powerOffs);
    }

    @Test
    void withoutAPowerSwitchTheSecondRefusalInARowIsFinal() throws Exception {
        meter(KEY);
        chip.haywire = true;
        LinkCounters counters = new LinkCounters();

        assertThrows(AuthenticationFailureException.class, () -> session(KEY, counters).startup());

        assertEquals(2, meter.digestFailures());
        assertEquals(2, counters.sent(), "one resend (noise can make a 0x0B), no more");
        assertEquals(2, counters.authFailures());
        assertEquals(0, counters.replies(), "a 0x0B is reported as a refusal, not as a reply");
    }
}
