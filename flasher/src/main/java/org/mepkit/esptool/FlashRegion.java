package org.mepkit.esptool;

import java.nio.file.Path;

/** One file to write and where. */
public record FlashRegion(long address, Path file) {

    public String addressHex() {
        return String.format("0x%x", address);
    }
}
