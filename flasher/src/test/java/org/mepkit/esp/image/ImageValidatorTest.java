package org.mepkit.esp.image;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mepkit.esp.chip.ChipRegistry;

class ImageValidatorTest {

    private static ImageException.Reason rejection(byte[] file) {
        FirmwareImage image = ImageReader.read(file);
        return assertThrows(ImageException.class,
                () -> ImageValidator.validate(image, ChipRegistry.ESP32_MEP, "app.bin")).reason();
    }

    @Test
    void acceptsAGoodAppAndBootloaderForTheEsp32MepBoard() {
        assertDoesNotThrow(() -> ImageValidator.validate(ImageReader.read(ImageBuilder.app().build()), ChipRegistry.ESP32_MEP, "app"));
        assertDoesNotThrow(() -> ImageValidator.validate(ImageReader.read(ImageBuilder.bootloader().build()), ChipRegistry.ESP32_MEP, "bl"));
    }

    @Test
    void refusesABadChecksum() {
        byte[] file = ImageBuilder.app().hashAppended(false).build();
        file[file.length - 1] ^= 1; // the checksum byte is last when no hash follows
        assertEquals(ImageException.Reason.BAD_CHECKSUM, rejection(file));
    }

    @Test
    void refusesABadHashWhenOnlyTheHashIsWrong() {
        byte[] file = ImageBuilder.app().build();
        file[file.length - 5] ^= 1;
        assertEquals(ImageException.Reason.BAD_HASH, rejection(file));
    }

    @Test
    void refusesAHeaderChangeWithoutANewHash() {
        byte[] file = ImageBuilder.app().build();
        file[2] = (byte) FlashMode.QIO.code();
        assertEquals(ImageException.Reason.BAD_HASH, rejection(file));
    }

    @Test
    void refusesAnImageForAnotherChipWithAMessageNamingBoth() {
        FirmwareImage image = ImageReader.read(ImageBuilder.app().chip(ChipRegistry.ESP32_C3).build());
        var e = assertThrows(ImageException.class, () -> ImageValidator.validate(image, ChipRegistry.ESP32_MEP, "app.bin"));
        assertEquals(ImageException.Reason.WRONG_CHIP, e.reason());
        assertEquals("app.bin: built for ESP32-C3, but board esp32-mep has an ESP32", e.getMessage());
    }

    @Test
    void refusesAnImageBuiltForMoreFlashThanTheBoardHas() {
        assertEquals(ImageException.Reason.FLASH_SIZE, rejection(ImageBuilder.app().flashSize(FlashSize.MB_16).build()));
    }

    @Test
    void acceptsAC3AppAndBootloaderForTheC3Board() {
        var c3 = ChipRegistry.board("ustepper-esp32c3-v1.00");
        assertDoesNotThrow(() -> ImageValidator.validate(ImageReader.read(ImageBuilder.app().chip(ChipRegistry.ESP32_C3).build()), c3, "app"));
        assertDoesNotThrow(() -> ImageValidator.validate(ImageReader.read(ImageBuilder.bootloader().chip(ChipRegistry.ESP32_C3).build()), c3, "bl"));
    }

    @Test
    void refusesAFlashMappedSegmentTheMmuCannotMap() {
        byte[] good = ImageBuilder.app().hashAppended(false).build();
        FirmwareImage image = ImageReader.read(good);
        Segment irom = image.segments().get(2);
        java.nio.ByteBuffer.wrap(good).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(irom.headerOffset(), (int) irom.loadAddress() + 0x100);
        var e = assertThrows(ImageException.class, () -> ImageValidator.validate(ImageReader.read(good), ChipRegistry.ESP32_MEP, "app.bin"));
        assertEquals(ImageException.Reason.BAD_SEGMENT, e.reason());
        assertEquals(true, e.getMessage().startsWith("app.bin: segment 2 (IROM at 0x400d0120) starts at file offset 0x10020"), e.getMessage());
    }
}
