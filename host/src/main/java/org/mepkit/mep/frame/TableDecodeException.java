package org.mepkit.mep.frame;

/** Table data too short or inconsistent for the table's layout. */
public final class TableDecodeException extends MepProtocolException {

    public TableDecodeException(String message) {
        super(message);
    }
}
