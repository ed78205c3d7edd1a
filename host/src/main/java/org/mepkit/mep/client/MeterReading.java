package org.mepkit.mep.client;

import java.util.List;
import java.util.Map;

import org.mepkit.mep.table.TableField;
import org.mepkit.reading.Reading;

/**
 * One reading of a meter over MEP: identity (BT01, ET03), clock (BT52), energy (BT23) and present
 * values (BT28), as typed tables. {@link #fields()} lists them with the board firmware's names and
 * units (board-firmware-behaviour §7.3: {@code Fwd_Act_Wh}, {@code L1_RMS_V} in mV, ...), the same
 * list {@link Reading} gives for any path. Values are signed: where the firmware's JSON prints −5 W as
 * 4294967291, mepkit prints −5.
 */
public record MeterReading(MeterSession.StartupTables startup, MeterSession.PollReading poll) {

    /** As the path-independent {@link Reading}. */
    public Reading reading() {
        return Reading.of("mep", startup.identity(), startup.utility(), startup.clock(), poll.energy(), poll.present());
    }

    /** See {@link Reading#fields(org.mepkit.mep.table.Bt01Identity, org.mepkit.mep.table.Et03UtilityInfo, org.mepkit.mep.table.Bt52Clock, org.mepkit.mep.table.Bt23CurrentRegisters, org.mepkit.mep.table.Bt28PresentValues)}. */
    public List<TableField> fields() {
        return reading().fields();
    }

    /** Name → value in the order of {@link #fields()} (for JSON). */
    public Map<String, Object> toJson() {
        return reading().toJson();
    }

    /** Name → unit for every field that has one. */
    public Map<String, String> units() {
        return reading().units();
    }
}
