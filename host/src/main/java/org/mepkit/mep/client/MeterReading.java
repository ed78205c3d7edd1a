package org.mepkit.mep.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mepkit.mep.table.TableField;

/**
 * One reading of a meter: identity (BT01, ET03), clock (BT52), energy (BT23) and present values
 * (BT28), as typed tables. {@link #fields()} lists them with the board firmware's names and units
 * (board-firmware-behaviour §7.3: {@code Fwd_Act_Wh}, {@code L1_RMS_V} in mV, ...). Values are
 * signed: where the firmware's JSON prints −5 W as 4294967291, mepkit prints −5.
 */
public record MeterReading(MeterSession.StartupTables startup, MeterSession.PollReading poll) {

    public List<TableField> fields() {
        List<TableField> fields = new ArrayList<>();
        fields.addAll(startup.identity().fields());
        fields.addAll(startup.utility().fields());
        fields.addAll(startup.clock().fields());
        fields.addAll(poll.energy().fields());
        fields.addAll(poll.present().fields());
        return fields;
    }

    /** Name → value in the order of {@link #fields()} (for JSON); later duplicates are dropped. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (TableField field : fields()) json.putIfAbsent(field.name(), field.value());
        return json;
    }

    /** Name → unit for every field that has one (for JSON consumers that want units). */
    public Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        for (TableField field : fields()) if (!field.unit().isEmpty()) units.putIfAbsent(field.name(), field.unit());
        return units;
    }
}
