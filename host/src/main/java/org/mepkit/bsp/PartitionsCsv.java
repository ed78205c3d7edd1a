package org.mepkit.bsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mepkit.spec.FlashLayout;

/**
 * A flash layout as the partition CSV that ESP-IDF's gen_esp32part, the Arduino core and
 * PlatformIO read: {@code name, type, subtype, offset, size, flags}, every offset explicit.
 */
public final class PartitionsCsv {

    private static final int ENCRYPTED = 1;
    private static final int READONLY = 2;

    private PartitionsCsv() {
    }

    public static String write(FlashLayout layout, Provenance provenance) {
        StringBuilder s = new StringBuilder(provenance.lineComment("#"));
        s.append(String.format(Locale.ROOT, "# %s: %d MB flash, partition table at 0x%X\n", layout.name(),
                layout.flashSize() >> 20, layout.partitionTableOffset()));
        s.append("# Name,   Type, SubType,  Offset,   Size,     Flags\n");
        for (FlashLayout.Partition p : layout.partitions()) {
            s.append(String.format(Locale.ROOT, "%-9s %-5s %-9s %-9s %-9s %s", p.name() + ",", p.type() + ",",
                    p.subtype() + ",", hex(p.offset()) + ",", hex(p.size()) + ",", flags(p.flags())).stripTrailing()).append('\n');
        }
        return s.toString();
    }

    private static String hex(long value) {
        return String.format(Locale.ROOT, "0x%X", value);
    }

    private static String flags(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & ENCRYPTED) != 0) names.add("encrypted");
        if ((flags & READONLY) != 0) names.add("readonly");
        return String.join(":", names);
    }
}
