package org.mepkit.board.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualFlashTest {

    @TempDir
    Path dir;

    @Test
    void aNewFlashIsFourMegabytesOfErasedBytesInAFile() throws Exception {
        Path file = dir.resolve("flash.bin");
        try (VirtualFlash flash = VirtualFlash.open(file)) {
            assertEquals(4 * 1024 * 1024, flash.size());
            assertArrayEquals(new byte[] {-1, -1, -1, -1}, flash.read(0x3FFFFC, 4));
        }
        assertEquals(4L * 1024 * 1024, Files.size(file));
    }

    @Test
    void contentsSurviveClosingAndReopening() {
        Path file = dir.resolve("flash.bin");
        try (VirtualFlash flash = VirtualFlash.open(file)) {
            flash.write(0x10000, new byte[] {(byte) 0xE9, 5, 2, 0x2F});
        }
        try (VirtualFlash again = VirtualFlash.open(file)) {
            assertArrayEquals(new byte[] {(byte) 0xE9, 5, 2, 0x2F}, again.read(0x10000, 4));
        }
    }

    @Test
    void writingOnlyClearsBitsLikeNorFlash() {
        VirtualFlash flash = VirtualFlash.inMemory(0x2000);
        flash.write(0, new byte[] {(byte) 0xF0});
        flash.write(0, new byte[] {(byte) 0x3C});
        assertEquals((byte) 0x30, flash.read(0, 1)[0], "0xF0 & 0x3C without an erase");
        flash.erase(0, 0x1000);
        flash.write(0, new byte[] {(byte) 0x3C});
        assertEquals((byte) 0x3C, flash.read(0, 1)[0]);
    }

    @Test
    void eraseWorksOnWholeSectors() {
        VirtualFlash flash = VirtualFlash.inMemory(0x3000);
        flash.write(0x0FFF, new byte[] {0, 0});
        flash.eraseCovering(0x0FFF, 2);
        assertArrayEquals(new byte[] {-1, -1}, flash.read(0x0FFF, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> flash.erase(0x10, 0x1000));
        assertTrue(e.getMessage().contains("not aligned"), e.getMessage());
    }

    @Test
    void md5IsOverTheStoredBytes() {
        VirtualFlash flash = VirtualFlash.inMemory(0x1000);
        flash.write(0, "abc".getBytes());
        assertEquals("900150983cd24fb0d6963f7d28e17f72", HexFormat.of().formatHex(flash.md5(0, 3)));
    }

    @Test
    void refusesRangesOutsideTheFlashAndOddFileSizes() throws Exception {
        VirtualFlash flash = VirtualFlash.inMemory(0x1000);
        assertThrows(IndexOutOfBoundsException.class, () -> flash.read(0xFFF, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> flash.write(-1, new byte[1]));
        Path odd = dir.resolve("odd.bin");
        Files.write(odd, new byte[100]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VirtualFlash.open(odd));
        assertTrue(e.getMessage().contains("100 bytes"), e.getMessage());
    }
}
