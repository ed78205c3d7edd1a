package org.mepkit.sim.meter;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a virtual meter is: its identity (BT01, ET03), its configuration tables (ET11, ET13,
 * ET50), its clock at start, the sequence number it wants first, how long it takes to answer,
 * and its load. Pick one by name with {@link #named(String)}.
 *
 * @param initialSequence  the number the meter asks for with 0x0C on the first request (real meters
 *                         pick a large number of their own; 0 would hide a client that never resyncs)
 * @param turnaround       time between the last byte of a request and the first byte of the reply
 *                         (paced mode only); the benchmark adds it to the wire time
 * @param configEntrySize  ET11 byte 1 (S): the size of each ET13 entry, 9..66
 * @param mepFlags         ET50 byte 30; bit 1 (0x02) sends the alert chain to 0x083A instead of BT08
 * @param alertFlags       ET13 byte 4·S+8, the MEP entry's alert flags
 */
public record MeterProfile(String name, String manufacturer, String model, int firmwareMajor, int firmwareMinor,
                           String utilitySerial, LocalDateTime clockAtStart, long initialSequence,
                           Duration turnaround, int configEntrySize, int mepFlags, int alertFlags, LoadModel load) {

    public static final String DEFAULT_NAME = "default";

    public MeterProfile {
        if (manufacturer.length() != 4) throw new IllegalArgumentException("BT01 manufacturer is 4 characters: " + manufacturer);
        if (model.length() > 8) throw new IllegalArgumentException("BT01 model is at most 8 characters: " + model);
        if (utilitySerial.length() > 30) throw new IllegalArgumentException("ET03 serial is at most 30 characters");
        if (configEntrySize < 9 || configEntrySize > 66) throw new IllegalArgumentException("ET11 entry size must be 9..66: " + configEntrySize);
        if (initialSequence < 0 || initialSequence > 0xFFFF_FFFFL) throw new IllegalArgumentException("sequence is u32");
        if (turnaround.isNegative()) throw new IllegalArgumentException("negative turnaround");
    }

    /** The firmware version as the board shows it: {@code <major>.<minor>}. */
    public String firmwareVersion() {
        return firmwareMajor + "." + firmwareMinor;
    }

    private static final LocalDateTime CLOCK = LocalDateTime.of(2024, 3, 28, 17, 23, 27);
    private static final Duration TURNAROUND = Duration.ofMillis(20);

    /**
     * ELON 83331-3I, firmware 58.134: a household importing on L1 and L2 while solar panels on L3
     * export (power factor negative there). L3 shows 800 W reverse and 0 forward; the totals are net
     * (850 W forward, 0 reverse), so only forward energy grows.
     */
    public static final MeterProfile DEFAULT = new MeterProfile(DEFAULT_NAME, "ELON", "83331-3I", 58, 134,
            "1234567890ABCDEF", CLOCK, 0x1F2E3D4CL, TURNAROUND, 66, 0x00, 0x01,
            new LoadModel(List.of(new PhaseLoad(1200, 150, 231_000, 992),
                    new PhaseLoad(450, 60, 229_500, 991),
                    new PhaseLoad(-800, -90, 233_200, -994)), 1_234_567, 98_765, 50_012));

    /** Same meter, every phase importing (no reverse energy growth). */
    public static final MeterProfile IMPORT = rename(DEFAULT, "import", new LoadModel(List.of(
            new PhaseLoad(2300, 200, 230_100, 996), new PhaseLoad(1100, 90, 230_400, 997),
            new PhaseLoad(700, 40, 229_900, 998)), 1_234_567, 98_765, 49_987));

    /** Every phase exporting (a sunny noon), negative power factors everywhere; ET50 picks 0x083A for alerts. */
    public static final MeterProfile EXPORT = new MeterProfile("export", "ELON", "83331-3I", 58, 134,
            "1234567890ABCDEF", CLOCK, 0x7A5B3C2DL, TURNAROUND, 66, 0x02, 0x01,
            new LoadModel(List.of(new PhaseLoad(-1500, -100, 234_000, -990),
                    new PhaseLoad(-1450, -95, 233_800, -989), new PhaseLoad(-1600, -120, 234_100, -985)),
                    1_234_567, 98_765, 50_021));

    private static final Map<String, MeterProfile> BY_NAME = new TreeMap<>(Map.of(
            DEFAULT.name(), DEFAULT, IMPORT.name(), IMPORT, EXPORT.name(), EXPORT));

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** @throws IllegalArgumentException for an unknown name, listing the known ones */
    public static MeterProfile named(String name) {
        MeterProfile profile = BY_NAME.get(name);
        if (profile == null) {
            throw new IllegalArgumentException("unknown meter profile '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return profile;
    }

    public MeterProfile withLoad(LoadModel newLoad) {
        return rename(this, name, newLoad);
    }

    public MeterProfile withTurnaround(Duration newTurnaround) {
        return new MeterProfile(name, manufacturer, model, firmwareMajor, firmwareMinor, utilitySerial, clockAtStart,
                initialSequence, newTurnaround, configEntrySize, mepFlags, alertFlags, load);
    }

    public MeterProfile withMepFlags(int flags) {
        return new MeterProfile(name, manufacturer, model, firmwareMajor, firmwareMinor, utilitySerial, clockAtStart,
                initialSequence, turnaround, configEntrySize, flags, alertFlags, load);
    }

    private static MeterProfile rename(MeterProfile p, String name, LoadModel load) {
        return new MeterProfile(name, p.manufacturer, p.model, p.firmwareMajor, p.firmwareMinor, p.utilitySerial,
                p.clockAtStart, p.initialSequence, p.turnaround, p.configEntrySize, p.mepFlags, p.alertFlags, load);
    }
}
