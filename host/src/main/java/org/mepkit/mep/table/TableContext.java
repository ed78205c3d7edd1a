package org.mepkit.mep.table;

/**
 * What earlier tables tell about the layout of later ones: BT21 for BT23/BT28, ET11 for ET13, BT00
 * for the width and byte order of every value.
 *
 * @param actualRegister BT21, or {@link Bt21ActualRegister#NOT_READ}
 * @param dimensions     ET11, or null when not read (ET13's entry size is then inferred)
 * @param format         from BT00, or null when not read: the board firmware's MEP rules apply
 *                       (int32 little-endian, BT28 with at least 55 values)
 */
public record TableContext(Bt21ActualRegister actualRegister, Et11DimensionTable dimensions, DataFormat format) {

    /** Nothing read yet: the firmware's defaults. */
    public static final TableContext NONE = new TableContext(Bt21ActualRegister.NOT_READ, null, null);

    public TableContext {
        if (actualRegister == null) actualRegister = Bt21ActualRegister.NOT_READ;
    }

    public TableContext(Bt21ActualRegister actualRegister, Et11DimensionTable dimensions) {
        this(actualRegister, dimensions, null);
    }

    public TableContext with(Bt21ActualRegister bt21) {
        return new TableContext(bt21, dimensions, format);
    }

    public TableContext with(Et11DimensionTable et11) {
        return new TableContext(actualRegister, et11, format);
    }

    public TableContext with(DataFormat bt00Format) {
        return new TableContext(actualRegister, dimensions, bt00Format);
    }
}
