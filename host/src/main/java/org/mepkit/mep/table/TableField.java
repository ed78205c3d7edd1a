package org.mepkit.mep.table;

/**
 * One rendered value of a table.
 *
 * @param name  the board firmware's JSON name where it has one (e.g. {@code Fwd_W}), else ours in snake case
 * @param value an Integer, Long, Boolean or String
 * @param unit  e.g. "W", "mV", "mHz"; empty when the value has none
 */
public record TableField(String name, Object value, String unit) {

    public static TableField of(String name, Object value) {
        return new TableField(name, value, "");
    }

    public static TableField of(String name, Object value, String unit) {
        return new TableField(name, value, unit);
    }

    /** "230125 mV", "ELON". */
    public String valueText() {
        return unit.isEmpty() ? String.valueOf(value) : value + " " + unit;
    }
}
