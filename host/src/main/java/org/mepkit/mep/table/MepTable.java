package org.mepkit.mep.table;

import java.util.List;

/** A decoded meter table: encodable back to its bytes and renderable as ordered fields. */
public interface MepTable {

    TableId tableId();

    /** The table data as the meter sends it (what follows the count in a read reply). */
    byte[] encode();

    /** Ordered name → value (+ unit) pairs for text and JSON; secrets are never among them. */
    List<TableField> fields();
}
