package org.mepkit.esp.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.util.Hex;

class ImageReaderTest {

    @Test
    void readsTheHeaderOfABuiltAppLikeTheShippedFirmware() {
        byte[] file = ImageBuilder.app().build();
        // shipped NES-MEP-UI.ino.bin starts e9 05 02 2f 54 2c 08 40 ee 00 00 00 00 00 00 00 (5 segments, ours has 3)
        assertEquals("e9 03 02 2f 54 2c 08 40 ee 00 00 00 00 00 00 00".replace(" ", ""), Hex.lower(file, 0, 16));
        FirmwareImage image = ImageReader.read(file);
        ImageHeader h = image.header();
        assertEquals(3, h.segmentCount());
        assertEquals(FlashMode.DIO, h.flashMode());
        assertEquals(FlashSize.MB_4, h.flashSize());
        assertEquals(FlashFreq.MHZ_80, h.flashFreq());
        assertEquals(0x40082C54L, h.entryAddress());
        assertEquals(0xEE, h.wpPin());
        assertEquals(0, h.chipId());
        assertEquals(0xFFFF, h.maxRevision());
        assertTrue(h.hashAppended());
        assertEquals(file.length, image.imageLength());
        assertTrue(image.checksumValid());
        assertTrue(image.hashValid());
    }

    @Test
    void putsTheChecksumSoItsOffsetPlusOneIsAMultipleOf16AndHashesEverythingBefore() {
        byte[] file = ImageBuilder.app().codeBytes(100).build();
        int checksumAt = file.length - 33;
        assertEquals(0, (checksumAt + 1) % 16);
        FirmwareImage image = ImageReader.read(file);
        assertEquals(file[checksumAt] & 0xFF, image.storedChecksum());
        assertArrayEquals(ImageReader.sha256(file, 0, checksumAt + 1), image.storedHash());
    }

    @Test
    void findsTheAppDescriptorInTheFirstDromSegment() {
        byte[] file = ImageBuilder.app().projectName("mep-test").version("2.1").idfVersion("v5.1.2")
                .compileDate("Nov 25 2026").compileTime("20:00:01").build();
        AppDescriptor d = ImageReader.read(file).appDescriptor().orElseThrow();
        assertEquals("mep-test", d.projectName());
        assertEquals("2.1", d.version());
        assertEquals("v5.1.2", d.idfVersion());
        assertEquals("Nov 25 2026", d.compileDate());
        assertEquals("20:00:01", d.compileTime());
        assertEquals(64, d.elfSha256Hex().length());
    }

    @Test
    void aBootloaderHasNoAppDescriptor() {
        FirmwareImage image = ImageReader.read(ImageBuilder.bootloader().build());
        assertTrue(image.appDescriptor().isEmpty());
        assertEquals(0x400805F0L, image.header().entryAddress());
    }

    @Test
    void aFlippedDataByteBreaksChecksumAndHashButStillParses() {
        byte[] file = ImageBuilder.app().build();
        FirmwareImage good = ImageReader.read(file);
        file[good.segments().get(1).fileOffset() + 3] ^= 0x5A;
        FirmwareImage bad = ImageReader.read(file);
        assertFalse(bad.checksumValid());
        assertFalse(bad.hashValid());
    }

    @Test
    void refusesAWrongMagic() {
        byte[] file = ImageBuilder.app().build();
        file[0] = (byte) 0xFF;
        var e = assertThrows(ImageException.class, () -> ImageReader.read(file));
        assertEquals(ImageException.Reason.BAD_MAGIC, e.reason());
        assertEquals("not an ESP32 image: first byte is 0xff, expected 0xe9", e.getMessage());
    }

    @Test
    void refusesATruncatedImageAtEveryLength() {
        byte[] file = ImageBuilder.app().codeBytes(64).build();
        for (int len = 0; len < file.length; len++) {
            byte[] cut = Arrays.copyOf(file, len);
            var e = assertThrows(ImageException.class, () -> ImageReader.read(cut), "length " + len);
            assertEquals(ImageException.Reason.TRUNCATED, e.reason(), "length " + len + ": " + e.getMessage());
        }
    }

    @Test
    void refusesASegmentLengthThatRunsPastTheFile() {
        byte[] file = ImageBuilder.app().build();
        file[24 + 4 + 2] = 0x7F; // first segment length now ~8 MB
        var e = assertThrows(ImageException.class, () -> ImageReader.read(file));
        assertEquals(ImageException.Reason.TRUNCATED, e.reason());
    }

    @Test
    void refusesAnImpossibleSegmentCountOrFlashMode() {
        byte[] zero = ImageBuilder.app().build();
        zero[1] = 0;
        assertEquals(ImageException.Reason.BAD_HEADER, assertThrows(ImageException.class, () -> ImageReader.read(zero)).reason());
        byte[] mode = ImageBuilder.app().build();
        mode[2] = 9;
        assertEquals(ImageException.Reason.BAD_HEADER, assertThrows(ImageException.class, () -> ImageReader.read(mode)).reason());
    }

    @Test
    void readsTheChipIdOfAnotherChip() {
        FirmwareImage image = ImageReader.read(ImageBuilder.app().chip(ChipRegistry.ESP32_C3).build());
        assertEquals(5, image.header().chipId());
    }

    @Test
    void aC3AppHasItsDescriptorInTheC3DromWindow() {
        FirmwareImage image = ImageReader.read(ImageBuilder.app().chip(ChipRegistry.ESP32_C3).projectName("arduino-lib-builder")
                .version("esp-idf: v4.4.6 3572900934").build());
        assertEquals(ChipRegistry.ESP32_C3, image.chip().orElseThrow());
        assertEquals("arduino-lib-builder", image.appDescriptor().orElseThrow().projectName());
        assertEquals(0x3C0B0020L, image.segments().get(0).loadAddress());
        assertEquals("DRAM, BYTE_ACCESSIBLE", image.chip().orElseThrow().memoryLabel(image.segments().get(1).loadAddress()));
    }

    @Test
    void anEsp32LayoutLabelledAsAC3HasNoDescriptorWhereTheC3LooksForIt() {
        byte[] file = ImageBuilder.app().build();
        file[12] = 5;   // chip id ESP32-C3: the DROM segment at 0x3F400020 is outside the C3's DROM window
        assertTrue(ImageReader.read(file).appDescriptor().isEmpty());
    }

    @Test
    void theIromSegmentOfABuiltAppSitsWhereTheMmuCanMapIt() {
        for (var chip : java.util.List.of(ChipRegistry.ESP32, ChipRegistry.ESP32_C3)) {
            FirmwareImage image = ImageReader.read(ImageBuilder.app().chip(chip).codeBytes(100_000).build());
            for (Segment s : image.segments()) {
                if (chip.flashMapped(s.loadAddress())) {
                    assertEquals(s.loadAddress() % 0x10000, s.fileOffset() % 0x10000, chip + " segment at " + Long.toHexString(s.loadAddress()));
                }
            }
        }
    }

    @Test
    void theWholeFilesSha256ComesFromTheSamePassAsTheAppendedHashCheck() {
        byte[] withHash = ImageBuilder.app().build();
        byte[] padded = Arrays.copyOf(withHash, withHash.length + 100);
        byte[] noHash = ImageBuilder.app().hashAppended(false).build();
        for (byte[] file : java.util.List.of(withHash, padded, noHash)) {
            assertArrayEquals(ImageReader.sha256(file, 0, file.length), ImageReader.read(file).fileSha256());
        }
        assertTrue(ImageReader.read(withHash).hashValid());
    }
}
