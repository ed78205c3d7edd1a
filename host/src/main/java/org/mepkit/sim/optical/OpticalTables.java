package org.mepkit.sim.optical;

import java.util.Objects;
import java.util.Set;

import org.mepkit.mep.table.Bt00GeneralConfig;
import org.mepkit.mep.table.Bt21ActualRegister;
import org.mepkit.mep.table.Bt23CurrentRegisters;
import org.mepkit.mep.table.DataFormat;
import org.mepkit.mep.table.TableId;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.MeterTables;

/**
 * What the virtual meter serves over its optical port: the very {@link MeterTables} its MEP port
 * serves (so both ports give the same values at the same moment), laid out as {@link OpticalLayout}
 * says, plus BT00 (which tables exist and how numbers are encoded) and a BT01 with the manufacturer
 * serial number. BT00 and BT01 can be read without security, every other table needs it (isc).
 */
public final class OpticalTables {

    /** The optical layout's BT28: the first ten present values of the MEP layout. */
    public static final int OPTICAL_PRESENT_VALUES = 10;

    private static final Set<Integer> STANDARD_TABLES = Set.of(0, 1, 8, 21, 23, 28, 52);
    private static final Set<Integer> MFG_TABLES = Set.of(3, 11, 13, 50, 58);

    private final MeterTables tables;
    private final MeterProfile profile;
    private final OpticalLayout layout;

    public OpticalTables(MeterTables tables, MeterProfile profile, OpticalLayout layout) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public MeterTables meterTables() {
        return tables;
    }

    public OpticalLayout layout() {
        return layout;
    }

    public Bt00GeneralConfig generalConfig() {
        return Bt00GeneralConfig.of(DataFormat.MEP, STANDARD_TABLES, MFG_TABLES);
    }

    public Bt21ActualRegister actualRegister() {
        return layout == OpticalLayout.MEP ? tables.actualRegister()
                : new Bt21ActualRegister(0, 0, 0, 2, 0, 0, 0, 0, 0, OPTICAL_PRESENT_VALUES);
    }

    /** The table's data as a full read returns it, or null when the meter has no such table. */
    public byte[] table(TableId id) {
        if (id.equals(TableId.BT00)) return generalConfig().encode();
        if (id.equals(TableId.BT01)) {
            String serial = profile.utilitySerial();
            return tables.identity().withSerialNumber(serial.length() > 16 ? serial.substring(0, 16) : serial).encode();
        }
        if (id.equals(TableId.BT21)) return actualRegister().encode();
        if (layout == OpticalLayout.OPTICAL && id.equals(TableId.BT23)) {
            Bt23CurrentRegisters e = tables.energy();
            return Bt23CurrentRegisters.of(e.forwardActiveWh(), e.reverseActiveWh()).encode();
        }
        if (layout == OpticalLayout.OPTICAL && id.equals(TableId.BT28)) {
            return tables.presentValues().firstValues(OPTICAL_PRESENT_VALUES).encode();
        }
        return tables.table(id);
    }

    /** Everything but BT00 and BT01 needs an accepted security service first. */
    public boolean needsSecurity(TableId id) {
        return !(id.equals(TableId.BT00) || id.equals(TableId.BT01));
    }
}
