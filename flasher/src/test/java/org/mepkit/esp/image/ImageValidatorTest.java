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
}
