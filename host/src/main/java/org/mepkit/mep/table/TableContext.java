package org.mepkit.mep.table;

/**
 * What earlier tables tell about the layout of later ones: BT21 for BT23/BT28, ET11 for ET13.
 *
 * @param actualRegister BT21, or {@link Bt21ActualRegister#NOT_READ}
 * @param dimensions     ET11, or null when not read (ET13's entry size is then inferred)
 */
public record TableContext(Bt21ActualRegister actualRegister, Et11DimensionTable dimensions) {

    /** Nothing read yet: the firmware's defaults. */
    public static final TableContext NONE = new TableContext(Bt21ActualRegister.NOT_READ, null);

    public TableContext {
        if (actualRegister == null) actualRegister = Bt21ActualRegister.NOT_READ;
    }

    public TableContext with(Bt21ActualRegister bt21) {
        return new TableContext(bt21, dimensions);
    }

    public TableContext with(Et11DimensionTable et11) {
        return new TableContext(actualRegister, et11);
    }
}
