package org.mepkit.esp.image;

import org.mepkit.esp.chip.BoardTarget;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.chip.ChipTarget;

/**
 * Decides whether a parsed image may be flashed to a board: checksum, appended hash, chip id, flash
 * size, and the board chip's image rules (its flash-mapped segments must sit where the MMU can map
 * them). (Magic, segment table and flash mode are already checked by {@link ImageReader}.)
 */
public final class ImageValidator {

    private ImageValidator() {
    }

    /** Throws an {@link ImageException} naming the first failed check; {@code what} names the file in messages. */
    public static void validate(FirmwareImage image, BoardTarget board, String what) {
        if (!image.checksumValid()) {
            throw new ImageException(ImageException.Reason.BAD_CHECKSUM, String.format(
                    "%s: checksum byte is 0x%02x but the segments give 0x%02x (corrupted image)",
                    what, image.storedChecksum(), image.computedChecksum()));
        }
        if (image.header().hashAppended() && !image.hashValid()) {
            throw new ImageException(ImageException.Reason.BAD_HASH,
                    what + ": appended SHA-256 does not match the image (corrupted image)");
        }
        int chipId = image.header().chipId();
        if (chipId != board.chip().imageChipId()) {
            throw new ImageException(ImageException.Reason.WRONG_CHIP, what + ": built for "
                    + ChipRegistry.chipName(chipId) + ", but board " + board.name() + " has an " + board.chip().name());
        }
        ChipTarget chip = board.chip();
        for (int i = 0; i < image.segments().size(); i++) {
            Segment s = image.segments().get(i);
            if (chip.flashMapped(s.loadAddress()) && (s.loadAddress() - s.fileOffset()) % ChipTarget.MMU_PAGE != 0) {
                throw new ImageException(ImageException.Reason.BAD_SEGMENT, String.format(
                        "%s: segment %d (%s at 0x%08x) starts at file offset 0x%x; the %s bootloader maps flash in 64 KiB pages, "
                                + "so a %s segment's address and file offset must agree modulo 0x10000 (not an esptool elf2image image?)",
                        what, i, chip.memoryLabel(s.loadAddress()), s.loadAddress(), s.fileOffset(), chip.name(),
                        chip.memoryLabel(s.loadAddress())));
            }
        }
        long flashBytes = image.header().flashSize().bytes();
        if (flashBytes > board.flashSizeBytes()) {
            throw new ImageException(ImageException.Reason.FLASH_SIZE, what + ": built for "
                    + image.header().flashSize().label() + " flash, board " + board.name() + " has "
                    + board.flashSizeBytes() / (1024 * 1024) + "MB");
        }
    }
}
