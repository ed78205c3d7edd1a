package org.mepkit.reading;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mepkit.mep.table.Bt01Identity;
import org.mepkit.mep.table.Bt23CurrentRegisters;
import org.mepkit.mep.table.Bt28PresentValues;
import org.mepkit.mep.table.Bt52Clock;
import org.mepkit.mep.table.Et03UtilityInfo;
import org.mepkit.mep.table.PresentValue;
import org.mepkit.mep.table.TableField;

/**
 * One reading of a meter, however it was read: who the meter is, its energy registers and what it
 * measures now, as typed values, plus every value as {@link #fields()} with the board firmware's names
 * and units ({@code Fwd_Act_Wh}, {@code L1_RMS_V} in mV, ...) for printing. The same quantity has the
 * same name and unit whichever way it was read. Values a meter's tables do not carry (the optical
 * BT28 of the reference has no per-phase power) are null.
 *
 * @param path            "mep" or "optical"
 * @param forwardActiveWh summation 0 of BT23, Wh
 * @param reverseActiveWh summation 1 of BT23, Wh
 * @param forwardW        total forward active power (import), W
 * @param reverseW        total reverse active power (export), W
 * @param phases          L1, L2, L3
 * @param fields          everything, in print order
 */
public record Reading(String path, Identity identity, long forwardActiveWh, long reverseActiveWh, Integer forwardW,
                      Integer reverseW, List<Phase> phases, List<TableField> fields) {

    /**
     * @param serialNumber the utility serial number (ET03) when the meter has it, else the manufacturer's (BT01), else null
     * @param clock        the meter's clock (BT52) when read, else null
     */
    public record Identity(String manufacturer, String model, String firmwareVersion, String serialNumber, LocalDateTime clock) { }

    /** One phase; null where the meter did not say. */
    public record Phase(int number, Integer voltageMv, Integer currentMa, Integer forwardW, Integer reverseW) { }

    /** The firmware's {@code CurrentDateTime} format. */
    private static final DateTimeFormatter FIRMWARE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'");

    private static final PresentValue[] VOLTS = {PresentValue.L1_RMS_V, PresentValue.L2_RMS_V, PresentValue.L3_RMS_V};
    private static final PresentValue[] AMPS = {PresentValue.L1_RMS_A, PresentValue.L2_RMS_A, PresentValue.L3_RMS_A};
    private static final PresentValue[] FWD = {PresentValue.L1_FWD_W, PresentValue.L2_FWD_W, PresentValue.L3_FWD_W};
    private static final PresentValue[] REV = {PresentValue.L1_REV_W, PresentValue.L2_REV_W, PresentValue.L3_REV_W};

    public Reading {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(identity, "identity");
        phases = List.copyOf(phases);
        fields = List.copyOf(fields);
    }

    /**
     * A reading from the tables both paths read.
     *
     * @param utility ET03, or null when not read
     * @param clock   BT52, or null when not read
     */
    public static Reading of(String path, Bt01Identity id, Et03UtilityInfo utility, Bt52Clock clock,
                             Bt23CurrentRegisters energy, Bt28PresentValues present) {
        String serial = utility != null ? utility.serialNumber() : id.serialNumber();
        Identity identity = new Identity(id.manufacturer(), id.model(), id.firmwareVersionText(), serial,
                clock == null ? null : clock.dateTime().orElse(null));
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            phases.add(new Phase(i + 1, value(present, VOLTS[i]), value(present, AMPS[i]), value(present, FWD[i]),
                    value(present, REV[i])));
        }
        return new Reading(path, identity, energy.forwardActiveWh(), energy.reverseActiveWh(),
                value(present, PresentValue.FWD_W), value(present, PresentValue.REV_W), phases,
                fields(id, utility, clock, energy, present));
    }

    /**
     * The firmware's dashboard fields in its order (identity, serial, clock, energy), then every BT28
     * present value the firmware knows that the table has, with its firmware name and unit.
     */
    public static List<TableField> fields(Bt01Identity id, Et03UtilityInfo utility, Bt52Clock clock,
                                          Bt23CurrentRegisters energy, Bt28PresentValues present) {
        List<TableField> fields = new ArrayList<>();
        fields.add(TableField.of("Meter_Manufacturer", id.manufacturer()));
        fields.add(TableField.of("Meter_Model", id.model()));
        fields.add(TableField.of("Meter_SW_Version", id.firmwareVersionText()));
        if (utility != null) fields.add(TableField.of("Utility_SN", utility.serialNumber()));
        else if (id.serialNumber() != null) fields.add(TableField.of("mfg_serial_number", id.serialNumber()));
        if (clock != null) {
            fields.add(TableField.of("CurrentDateTime", clock.dateTime().map(FIRMWARE_TIME::format).orElse(clock.text())));
        }
        fields.add(TableField.of("Fwd_Act_Wh", energy.forwardActiveWh(), "Wh"));
        fields.add(TableField.of("Rev_Act_Wh", energy.reverseActiveWh(), "Wh"));
        for (PresentValue pv : PresentValue.values()) {
            present.find(pv).ifPresent(v -> fields.add(TableField.of(pv.jsonName(), v, pv.unit())));
        }
        return fields;
    }

    /** Name → value in the order of {@link #fields()} (for JSON); later duplicates are dropped. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (TableField field : fields) json.putIfAbsent(field.name(), field.value());
        return json;
    }

    /** Name → unit for every field that has one (for JSON consumers that want units). */
    public Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        for (TableField field : fields) if (!field.unit().isEmpty()) units.putIfAbsent(field.name(), field.unit());
        return units;
    }

    private static Integer value(Bt28PresentValues present, PresentValue which) {
        return present.find(which).orElse(null);
    }
}
