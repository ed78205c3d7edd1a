package org.mepkit.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.mepkit.power.PowerException;
import org.mepkit.power.RecordingOutputLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.time.ManualTicker;

/**
 * Replays fault episodes against a {@link RecoveryPolicy} in virtual time: the board powers up,
 * the MAX3232 comes up haywire, the driver polls BT28 and the machine recovers. The same seed gives
 * the same sequence of power-up outcomes under every policy, so policies are compared on one trace.
 */
public final class RecoveryReplay {

    /** Workload: BT28 full read (19-byte request) with a 100-byte reply. */
    public static final int POLL_REQUEST = 19;
    public static final int POLL_REPLY = 100;
    /** Cheap probe: 1-byte partial read of BT23 (22-byte request, 6-byte reply). */
    public static final int PROBE_REQUEST = 22;
    public static final int PROBE_REPLY = 6;
    /** Simulated meter turnaround (request end → reply start). */
    public static final Duration TURNAROUND = Duration.ofMillis(50);
    private static final Duration GIVE_UP = Duration.ofHours(2);

    /**
     * One fault episode.
     *
     * @param recovery  suspect → first clean exchange (what the policy controls)
     * @param outage    first failed request → first clean exchange (adds detection)
     * @param cycles    power cycles
     * @param escalations escalations (reboots for legacy)
     * @param corruptAccepted replies with undetected bit errors the machine took as good
     * @param recovered false when it gave up (a REPORT escalation, or the time limit)
     */
    public record Episode(long seed, Duration recovery, Duration outage, int cycles, int escalations,
                          int corruptAccepted, boolean recovered) {
    }

    private final LineSettings line;
    private final Max3232Profile profile;

    public RecoveryReplay(LineSettings line, Max3232Profile profile) {
        this.line = line;
        this.profile = profile;
    }

    /** Seeds from {@code firstSeed} up whose first power-up comes up haywire: the trace of {@code count} episodes. */
    public List<Long> faultTrace(long firstSeed, int count) {
        if (profile.haywire() <= 0 && !profile.dead()) throw new IllegalArgumentException(profile.name() + " never goes haywire");
        List<Long> seeds = new ArrayList<>();
        for (long seed = firstSeed; seeds.size() < count; seed++) {
            Max3232Model probe = new Max3232Model(profile, seed, new ManualTicker());
            probe.setPowered(true);
            if (probe.condition() != Max3232Model.Condition.GOOD) seeds.add(seed);
        }
        return seeds;
    }

    public List<Episode> replay(RecoveryPolicy policy, List<Long> seeds) {
        List<Episode> episodes = new ArrayList<>();
        for (long seed : seeds) episodes.add(episode(policy, seed));
        return episodes;
    }

    Episode episode(RecoveryPolicy policy, long seed) {
        ManualTicker ticker = new ManualTicker();
        Max3232Model chip = new Max3232Model(profile, seed, ticker);
        RecordingOutputLine enable = new RecordingOutputLine("ENABLE", ticker::nanoTime);
        List<RecoveryEvent> events = new ArrayList<>();
        RecoveryMachine machine = new RecoveryMachine(policy, line, chip.supply(), enable, ticker, events::add);
        SimulatedExchange wire = new SimulatedExchange(chip, line, TURNAROUND, ~seed);
        try {
            machine.start();
            runTimedSteps(machine, ticker);
            long faultStart = ticker.nanoTime();
            long suspectAt = -1;
            int escalations = 0;
            int corrupt = 0;
            boolean probe = false;
            while (ticker.elapsed().compareTo(GIVE_UP) < 0) {
                int req = probe && policy.probe() == RecoveryPolicy.Probe.CHEAP_REQUEST ? PROBE_REQUEST : POLL_REQUEST;
                int rep = req == PROBE_REQUEST ? PROBE_REPLY : POLL_REPLY;
                machine.onRequestSent(req, rep);
                SimulatedExchange.Outcome outcome = wire.exchange(req, rep);
                if (outcome.kind() != SimulatedExchange.Kind.TIMEOUT) {
                    ticker.advance(outcome.after());
                    switch (outcome.kind()) {
                        case GOOD, CORRUPT -> machine.onGoodReply();
                        case GARBAGE -> machine.onGarbage(outcome.bytes());
                        case FRAMING -> machine.onFramingError();
                        case AUTH -> machine.onAuthAnomaly();
                        default -> throw new IllegalStateException();
                    }
                    if (outcome.kind() == SimulatedExchange.Kind.CORRUPT) corrupt++;
                }
                if (outcome.kind() == SimulatedExchange.Kind.GOOD) {
                    long end = ticker.nanoTime();
                    return new Episode(seed, Duration.ofNanos(end - Math.max(suspectAt, faultStart)),
                            Duration.ofNanos(end - faultStart), countCycles(events), escalations, corrupt, true);
                }
                if (machine.state() == RecoveryState.HEALTHY && outcome.kind() == SimulatedExchange.Kind.CORRUPT) {
                    probe = false;
                    continue;
                }
                runTimedSteps(machine, ticker);
                if (suspectAt < 0) suspectAt = firstSuspect(events);
                if (machine.state() == RecoveryState.ESCALATED) {
                    escalations++;
                    if (policy.escalation() == RecoveryPolicy.Escalation.REPORT) {
                        return new Episode(seed, Duration.ofNanos(ticker.nanoTime() - suspectAt),
                                Duration.ofNanos(ticker.nanoTime() - faultStart), countCycles(events), escalations, corrupt, false);
                    }
                    ticker.advance(policy.escalationDelay());
                    machine.reset();
                    machine.start();
                    runTimedSteps(machine, ticker);
                    probe = false;
                } else {
                    probe = machine.state() == RecoveryState.PROBE_DUE;
                }
            }
            return new Episode(seed, Duration.ofNanos(ticker.nanoTime() - Math.max(0, suspectAt)),
                    Duration.ofNanos(ticker.nanoTime() - faultStart), countCycles(events), escalations, corrupt, false);
        } catch (PowerException e) {
            throw new IllegalStateException("simulated lines do not fail", e);
        }
    }

    /** Advances virtual time through timed steps until the machine waits for the driver (HEALTHY, PROBE_DUE, ESCALATED). */
    private static void runTimedSteps(RecoveryMachine machine, ManualTicker ticker) throws PowerException {
        while (true) {
            RecoveryState state = machine.poll();
            if (state == RecoveryState.PROBE_DUE || state == RecoveryState.ESCALATED) return;
            if (state == RecoveryState.HEALTHY && machine.nextDeadlineNanos().isEmpty()) return;
            long next = machine.nextDeadlineNanos().orElseThrow();
            ticker.advance(Duration.ofNanos(Math.max(0, next - ticker.nanoTime())));
        }
    }

    private static long firstSuspect(List<RecoveryEvent> events) {
        return events.stream().filter(e -> e.kind() == RecoveryEvent.Kind.SUSPECT)
                .mapToLong(RecoveryEvent::atNanos).findFirst().orElse(-1);
    }

    private static int countCycles(List<RecoveryEvent> events) {
        return (int) events.stream().filter(e -> e.kind() == RecoveryEvent.Kind.POWER_OFF).count();
    }

    /** Cool-off + settle + ENABLE settle + the cheap probe's request and reply on the wire: no policy can beat this. */
    public static Duration floor(RecoveryPolicy policy, LineSettings line) {
        return policy.coolOff(1).plus(policy.settle()).plus(policy.enableSettle())
                .plus(line.wireTime(PROBE_REQUEST + PROBE_REPLY));
    }
}
