package org.mepkit.mep.frame;

import org.mepkit.mep.table.TableId;

/** No decoder exists for this table id. */
public final class UnknownTableException extends MepProtocolException {

    private final TableId table;

    public UnknownTableException(TableId table) {
        super("no decoder for table " + table.name() + String.format(" (0x%04X)", table.id()));
        this.table = table;
    }

    public TableId table() {
        return table;
    }
}
