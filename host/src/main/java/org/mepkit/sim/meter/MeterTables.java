package org.mepkit.sim.meter;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.mepkit.mep.table.Bt01Identity;
import org.mepkit.mep.table.Bt08ProcedureResult;
import org.mepkit.mep.table.Bt21ActualRegister;
import org.mepkit.mep.table.Bt23CurrentRegisters;
import org.mepkit.mep.table.Bt28PresentValues;
import org.mepkit.mep.table.Bt52Clock;
import org.mepkit.mep.table.Et03UtilityInfo;
import org.mepkit.mep.table.Et11DimensionTable;
import org.mepkit.mep.table.Et13MepDeviceConfig;
import org.mepkit.mep.table.Et50MepInboundData;
import org.mepkit.mep.table.ProcedureOutcome;
import org.mepkit.mep.table.PresentValue;
import org.mepkit.mep.table.TableId;
import org.mepkit.time.Ticker;

/**
 * The table contents of a virtual meter at the current moment of its {@link Ticker}: identity and
 * configuration from the {@link MeterProfile}, clock and energy advanced by the time elapsed since
 * the meter was made, present values from its {@link LoadModel}. Layout choices (documented facts
 * of this simulator, not of any real meter): totals are net over the phases, each phase shows
 * import as forward and export as reverse ({@link LoadModel}); BT21 announces no BT23 prefix, no present demands,
 * four summations (forward/reverse active Wh, import/export reactive VArh) and 55 present values.
 */
public final class MeterTables {

    /** Procedure result "completed" and "unrecognized procedure" (mep-protocol §7.2). */
    static final int RESULT_COMPLETED = 0;
    static final int RESULT_UNRECOGNIZED = 6;
    static final int EP39 = 0x0827;

    private final MeterProfile profile;
    private final Ticker ticker;
    private final long startNanos;
    private Bt08ProcedureResult lastProcedure = Bt08ProcedureResult.of(0, 0, ProcedureOutcome.COMPLETED);

    public MeterTables(MeterProfile profile, Ticker ticker) {
        this.profile = profile;
        this.ticker = ticker;
        this.startNanos = ticker.nanoTime();
    }

    /** Time the meter has been running on its ticker. */
    public Duration elapsed() {
        return Duration.ofNanos(ticker.nanoTime() - startNanos);
    }

    /** The table's data as a full read returns it, or null when this meter has no such table. */
    public synchronized byte[] table(TableId id) {
        if (id.equals(TableId.BT01)) return identity().encode();
        if (id.equals(TableId.BT21)) return actualRegister().encode();
        if (id.equals(TableId.BT23)) return energy().encode();
        if (id.equals(TableId.BT28)) return presentValues().encode();
        if (id.equals(TableId.BT52)) return clock().encode();
        if (id.equals(TableId.ET03)) return new Et03UtilityInfo(profile.utilitySerial(), 0x5A3C).encode();
        if (id.equals(TableId.ET11)) return dimensionTable().encode();
        if (id.equals(TableId.ET13)) return mepDeviceConfig().encode();
        if (id.equals(TableId.ET50)) return mepInboundData().encode();
        if (id.equals(TableId.BT08) || id.equals(TableId.ET58)) {
            return new Bt08ProcedureResult(id, lastProcedure.procedureNumber(), lastProcedure.procSeq(),
                    lastProcedure.resultCode(), new byte[0]).encode();
        }
        return null;
    }

    /** The 13 bytes the firmware's BT23 poll reads (partial, offset 0). */
    public byte[] bt23Partial() {
        return Arrays.copyOf(table(TableId.BT23), Bt23CurrentRegisters.POLL_COUNT);
    }

    public Bt01Identity identity() {
        return new Bt01Identity(profile.manufacturer(), profile.model(), 1, 0, profile.firmwareMajor(), profile.firmwareMinor());
    }

    public Bt21ActualRegister actualRegister() {
        return new Bt21ActualRegister(0, 0, 0, 4, 0, 0, 0, 0, 0, PresentValue.FIRMWARE_COUNT);
    }

    public Bt52Clock clock() {
        return Bt52Clock.of(profile.clockAtStart().plus(elapsed()));
    }

    /** Forward/reverse active energy grown by the net load; reactive energy likewise (VArh), net too. */
    public Bt23CurrentRegisters energy() {
        LoadModel load = profile.load();
        Duration t = elapsed();
        long importVarh = 3_000 + (long) Math.max(0, load.netReactiveVAr()) * t.toSeconds() / 3600;
        long exportVarh = 1_000 + (long) Math.max(0, -load.netReactiveVAr()) * t.toSeconds() / 3600;
        return new Bt23CurrentRegisters(null, List.of((int) load.forwardWh(t), (int) load.reverseWh(t),
                (int) importVarh, (int) exportVarh), new byte[0]);
    }

    public Bt28PresentValues presentValues() {
        LoadModel load = profile.load();
        Map<PresentValue, Integer> v = new EnumMap<>(PresentValue.class);
        v.put(PresentValue.FWD_W, load.forwardW());
        v.put(PresentValue.REV_W, load.reverseW());
        v.put(PresentValue.IMPORT_REACTIVE_VAR, Math.max(0, load.netReactiveVAr()));
        v.put(PresentValue.EXPORT_REACTIVE_VAR, Math.max(0, -load.netReactiveVAr()));
        PresentValue[] amps = {PresentValue.L1_RMS_A, PresentValue.L2_RMS_A, PresentValue.L3_RMS_A};
        PresentValue[] volts = {PresentValue.L1_RMS_V, PresentValue.L2_RMS_V, PresentValue.L3_RMS_V};
        PresentValue[] voltsCont = {PresentValue.L1_RMS_V_CONT, PresentValue.L2_RMS_V_CONT, PresentValue.L3_RMS_V_CONT};
        PresentValue[] voltsAvg = {PresentValue.L1_RMS_V_AVG, PresentValue.L2_RMS_V_AVG, PresentValue.L3_RMS_V_AVG};
        PresentValue[] pf = {PresentValue.L1_PF, PresentValue.L2_PF, PresentValue.L3_PF};
        PresentValue[] fwd = {PresentValue.L1_FWD_W, PresentValue.L2_FWD_W, PresentValue.L3_FWD_W};
        PresentValue[] rev = {PresentValue.L1_REV_W, PresentValue.L2_REV_W, PresentValue.L3_REV_W};
        PresentValue[] fwdAvg = {PresentValue.L1_FWD_AVG_W, PresentValue.L2_FWD_AVG_W, PresentValue.L3_FWD_AVG_W};
        PresentValue[] revAvg = {PresentValue.L1_REV_AVG_W, PresentValue.L2_REV_AVG_W, PresentValue.L3_REV_AVG_W};
        long apparent = 0;
        for (int i = 0; i < 3; i++) {
            PhaseLoad p = load.phase(i);
            v.put(amps[i], p.currentMa());
            v.put(volts[i], p.voltageMv());
            v.put(voltsCont[i], p.voltageMv());
            v.put(voltsAvg[i], p.voltageMv());
            v.put(pf[i], p.powerFactorMilli());
            v.put(fwd[i], p.importW());
            v.put(rev[i], p.exportW());
            v.put(fwdAvg[i], p.importW());
            v.put(revAvg[i], p.exportW());
            apparent += p.apparentVa();
        }
        v.put(PresentValue.APPARENT_VA, (int) apparent);
        v.put(PresentValue.FREQ_MHZ, load.frequencyMHz());
        v.put(PresentValue.FWD_AVG_W, load.forwardW());
        v.put(PresentValue.REV_AVG_W, load.reverseW());
        return Bt28PresentValues.of(v);
    }

    /** ET11: five devices (four M-Bus entries and the MEP entry), entry size S from the profile. */
    public Et11DimensionTable dimensionTable() {
        return Et11DimensionTable.of(5, profile.configEntrySize());
    }

    /** ET13: four M-Bus entries and the MEP entry of S bytes each; the MEP entry carries the alert flags. */
    public Et13MepDeviceConfig mepDeviceConfig() {
        return Et13MepDeviceConfig.of(profile.configEntrySize(), profile.alertFlags());
    }

    /** ET50: identification string and the MEP flags (byte 30). */
    public Et50MepInboundData mepInboundData() {
        return Et50MepInboundData.of("MEPKIT VIRTUAL METER", profile.mepFlags());
    }

    /**
     * Runs a procedure written to BT07 ({@code data} = procedure number LE, procedure sequence,
     * parameters) and records its result for BT08 / 0x083A. Returns false when the write is too
     * short to be a procedure call.
     */
    synchronized boolean procedureCall(byte[] data) {
        if (data.length < 3) return false;
        int number = (data[0] & 0xFF) | (data[1] & 0xFF) << 8;
        int result = number == EP39 ? RESULT_COMPLETED : RESULT_UNRECOGNIZED;
        lastProcedure = new Bt08ProcedureResult(TableId.BT08, number, data[2] & 0xFF, result, new byte[0]);
        return true;
    }
}
