package org.mepkit.mep.table;

import java.util.Set;

import org.mepkit.mep.frame.UnknownTableException;

/** Decodes table data by table id into its record. */
public final class TableDecoder {

    private static final TableId PROC_RESULT_0855 = new TableId(0x0855);

    private TableDecoder() {
    }

    /** The ids this decoder knows. */
    public static Set<TableId> knownTables() {
        return Set.of(TableId.BT00, TableId.BT01, TableId.BT08, TableId.BT21, TableId.BT23, TableId.BT28, TableId.BT52,
                TableId.ET03, TableId.ET11, TableId.ET13, TableId.ET50, TableId.ET58, TableId.ET59, PROC_RESULT_0855);
    }

    /** Decodes with the firmware's defaults (BT21 and ET11 not read). */
    public static MepTable decode(TableId table, byte[] data) {
        return decode(table, data, TableContext.NONE);
    }

    /**
     * @throws UnknownTableException when no decoder exists for the id
     * @throws org.mepkit.mep.frame.TableDecodeException when the data does not fit the table
     */
    public static MepTable decode(TableId table, byte[] data, TableContext context) {
        if (table.equals(TableId.BT00)) return Bt00GeneralConfig.decode(data);
        if (table.equals(TableId.BT01)) return Bt01Identity.decode(data);
        if (table.equals(TableId.BT21)) return Bt21ActualRegister.decode(data);
        if (table.equals(TableId.BT23)) {
            return Bt23CurrentRegisters.decode(data, context.actualRegister(), context.format() == null ? DataFormat.MEP : context.format());
        }
        if (table.equals(TableId.BT28)) {
            return context.format() == null ? Bt28PresentValues.decode(data, context.actualRegister())
                    : Bt28PresentValues.decode(data, context.actualRegister(), context.format());
        }
        if (table.equals(TableId.BT52)) return Bt52Clock.decode(data);
        if (table.equals(TableId.ET03)) return Et03UtilityInfo.decode(data);
        if (table.equals(TableId.ET11)) return Et11DimensionTable.decode(data);
        if (table.equals(TableId.ET13)) {
            return context.dimensions() == null ? Et13MepDeviceConfig.decode(data) : Et13MepDeviceConfig.decode(data, context.dimensions());
        }
        if (table.equals(TableId.ET50)) return Et50MepInboundData.decode(data);
        if (table.equals(TableId.BT08) || table.equals(TableId.ET58) || table.equals(TableId.ET59) || table.equals(PROC_RESULT_0855)) {
            return Bt08ProcedureResult.decode(table, data);
        }
        throw new UnknownTableException(table);
    }
}
