package org.mepkit.esp.partition;

/**
 * One 32-byte partition table entry (flashing reference §8).
 *
 * @param name    up to 15 characters (16 with NUL)
 * @param type    0 app, 1 data, 0x40..0xFE custom
 * @param subtype meaning depends on the type (app: 0 factory, 0x10+n ota_n; data: 2 nvs, 0x82 spiffs ...)
 * @param offset  flash offset (app: 64 KiB aligned; data: 4 KiB)
 * @param size    bytes
 * @param flags   bit 0 encrypted, bit 1 readonly
 */
public record Partition(String name, int type, int subtype, long offset, long size, int flags) {

    public static final int TYPE_APP = 0;
    public static final int TYPE_DATA = 1;
    public static final int SUBTYPE_NVS = 0x02;

    public Partition {
        if (name.isEmpty() || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 15) {
            throw new PartitionException(PartitionException.Reason.BAD_TABLE, "partition name must be 1..15 bytes: '" + name + "'");
        }
    }

    public boolean isApp() {
        return type == TYPE_APP;
    }

    public boolean isNvs() {
        return type == TYPE_DATA && subtype == SUBTYPE_NVS;
    }

    public long end() {
        return offset + size;
    }

    /** Offsets must be this aligned: 64 KiB for apps (MMU pages), 4 KiB (a sector) for the rest. */
    public long requiredAlignment() {
        return isApp() ? 0x10000 : 0x1000;
    }

    public String typeName() {
        return typeName(type);
    }

    /** {@code app}, {@code data}, or the hex code of a custom type. */
    public static String typeName(int type) {
        return switch (type) {
            case TYPE_APP -> "app";
            case TYPE_DATA -> "data";
            default -> String.format("0x%02x", type);
        };
    }

    public String subtypeName() {
        return subtypeName(type, subtype);
    }

    /** The name ESP-IDF gives {@code subtype} under {@code type} ({@code ota_0}, {@code spiffs}), else its hex code. */
    public static String subtypeName(int type, int subtype) {
        if (type == TYPE_APP) {
            if (subtype == 0) return "factory";
            if (subtype >= 0x10 && subtype <= 0x1F) return "ota_" + (subtype - 0x10);
            if (subtype == 0x20) return "test";
        } else if (type == TYPE_DATA) {
            switch (subtype) {
                case 0x00: return "ota";
                case 0x01: return "phy";
                case 0x02: return "nvs";
                case 0x03: return "coredump";
                case 0x04: return "nvs_keys";
                case 0x05: return "efuse";
                case 0x06: return "undefined";
                case 0x80: return "esphttpd";
                case 0x81: return "fat";
                case 0x82: return "spiffs";
                case 0x83: return "littlefs";
                default: break;
            }
        }
        return String.format("0x%02x", subtype);
    }
}
