package org.mepkit.mep.client;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mepkit.mep.table.PresentValue;
import org.mepkit.mep.table.TableField;

/**
 * One reading of a meter: identity (BT01, ET03), clock (BT52), energy (BT23) and present values
 * (BT28), as typed tables. {@link #fields()} lists them with the board firmware's names and units
 * (board-firmware-behaviour §7.3: {@code Fwd_Act_Wh}, {@code L1_RMS_V} in mV, ...). Values are
 * signed: where the firmware's JSON prints −5 W as 4294967291, mepkit prints −5.
 */
public record MeterReading(MeterSession.StartupTables startup, MeterSession.PollReading poll) {

    /** Format of the firmware's {@code CurrentDateTime} field. */
    private static final DateTimeFormatter FIRMWARE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'");

    /**
     * The firmware's dashboard fields in its order (identity, serial, clock, energy), then every
     * BT28 present value the firmware knows, with its firmware name and unit (MQTT-only and
     * web-page-only values included; the ones without a firmware name carry ours).
     */
    public List<TableField> fields() {
        List<TableField> fields = new ArrayList<>();
        fields.add(TableField.of("Meter_Manufacturer", startup.identity().manufacturer()));
        fields.add(TableField.of("Meter_Model", startup.identity().model()));
        fields.add(TableField.of("Meter_SW_Version", startup.identity().firmwareVersionText()));
        fields.add(TableField.of("Utility_SN", startup.utility().serialNumber()));
        fields.add(TableField.of("CurrentDateTime", startup.clock().dateTime()
                .map(FIRMWARE_TIME::format).orElse(startup.clock().text())));
        fields.add(TableField.of("Fwd_Act_Wh", poll.energy().forwardActiveWh(), "Wh"));
        fields.add(TableField.of("Rev_Act_Wh", poll.energy().reverseActiveWh(), "Wh"));
        for (PresentValue pv : PresentValue.values()) {
            fields.add(TableField.of(pv.jsonName(), poll.present().value(pv), pv.unit()));
        }
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
