package org.mepkit.esp.nvs;

import java.nio.charset.StandardCharsets;

/** One key in one namespace. Keys are 1..15 bytes. */
public record NvsEntry(String namespace, String key, NvsValue value) {

    public static final int MAX_KEY_BYTES = 15;

    public NvsEntry {
        checkKey(namespace, "namespace");
        checkKey(key, "key");
    }

    static void checkKey(String name, String what) {
        int len = name.getBytes(StandardCharsets.UTF_8).length;
        if (len == 0 || len > MAX_KEY_BYTES) {
            throw new NvsException(NvsException.Reason.BAD_KEY, "NVS " + what + " '" + name + "' must be 1.." + MAX_KEY_BYTES + " bytes");
        }
    }

    public static NvsEntry string(String namespace, String key, String value) {
        return new NvsEntry(namespace, key, new NvsValue.Str(value));
    }

    public static NvsEntry u8(String namespace, String key, int value) {
        return new NvsEntry(namespace, key, new NvsValue.Int(NvsType.U8, value));
    }
}
