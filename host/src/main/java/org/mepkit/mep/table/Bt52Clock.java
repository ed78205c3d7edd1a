package org.mepkit.mep.table;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.mepkit.mep.frame.Wire;

/**
 * BT52 Clock (mep-protocol.md §9.5): year − 2000, month, day, hour, minute, second (u8 each) and a
 * flags byte (bits 0–2 day of week, 0 = Sunday; 0x08 DST in effect; 0x10 GMT; 0x20 time zone
 * applied; 0x40 DST applied). Values are kept as sent, even when they are not a valid date.
 */
public record Bt52Clock(int year, int month, int day, int hour, int minute, int second, int flags) implements MepTable {

    public static final int LENGTH = 7;

    public Bt52Clock {
        if (year < 2000 || year > 2255) throw new IllegalArgumentException("BT52 year " + year + " is outside 2000..2255");
        Tables.checkU8("month", month);
        Tables.checkU8("day", day);
        Tables.checkU8("hour", hour);
        Tables.checkU8("minute", minute);
        Tables.checkU8("second", second);
        Tables.checkU8("flags", flags);
    }

    /** The clock for a date-time, with the day of week set in the flags and no other flag. */
    public static Bt52Clock of(LocalDateTime t) {
        return new Bt52Clock(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond(), t.getDayOfWeek().getValue() % 7);
    }

    /** @throws org.mepkit.mep.frame.TableDecodeException when shorter than 7 bytes */
    public static Bt52Clock decode(byte[] data) {
        Tables.requireLength(TableId.BT52, data, LENGTH);
        return new Bt52Clock(2000 + Wire.u8(data, 0), Wire.u8(data, 1), Wire.u8(data, 2), Wire.u8(data, 3),
                Wire.u8(data, 4), Wire.u8(data, 5), Wire.u8(data, 6));
    }

    /** The date-time (the firmware treats it as UTC), empty when the fields are not a valid one. */
    public Optional<LocalDateTime> dateTime() {
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Day of week from flag bits 0–2 (0 = Sunday); empty for 7. */
    public Optional<DayOfWeek> dayOfWeek() {
        int d = flags & 0x07;
        return d == 7 ? Optional.empty() : Optional.of(DayOfWeek.of(d == 0 ? 7 : d));
    }

    public boolean dstInEffect() {
        return (flags & 0x08) != 0;
    }

    public boolean gmt() {
        return (flags & 0x10) != 0;
    }

    public boolean timeZoneApplied() {
        return (flags & 0x20) != 0;
    }

    public boolean dstApplied() {
        return (flags & 0x40) != 0;
    }

    /** "2024-03-28 17:23:27". */
    public String text() {
        return String.format("%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second);
    }

    @Override
    public TableId tableId() {
        return TableId.BT52;
    }

    @Override
    public byte[] encode() {
        return new byte[] {(byte) (year - 2000), (byte) month, (byte) day, (byte) hour, (byte) minute, (byte) second, (byte) flags};
    }

    @Override
    public List<TableField> fields() {
        return List.of(
                TableField.of("date_time", text()),
                TableField.of("valid", dateTime().isPresent()),
                TableField.of("day_of_week", dayOfWeek().map(Enum::name).orElse("invalid")),
                TableField.of("dst_in_effect", dstInEffect()),
                TableField.of("gmt", gmt()),
                TableField.of("time_zone_applied", timeZoneApplied()),
                TableField.of("dst_applied", dstApplied()),
                TableField.of("flags", String.format("0x%02X", flags)));
    }
}
