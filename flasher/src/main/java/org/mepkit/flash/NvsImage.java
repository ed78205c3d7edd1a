package org.mepkit.flash;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsEntry;
import org.mepkit.esp.nvs.NvsException;
import org.mepkit.esp.nvs.NvsImageWriter;
import org.mepkit.esp.nvs.NvsReader;

/**
 * What is written to the {@code nvs} partition: an image mepkit generated from settings, or a file from
 * elsewhere, read (every CRC) and checked against the firmware's NVS contract before the board is touched.
 *
 * @param bytes     the image
 * @param source    for messages and the plan: {@code generated NVS} or the file name
 * @param generated whether mepkit made it (then it follows the contract by construction)
 * @param check     the keys really in the image and what would go wrong with it on the board
 */
public record NvsImage(byte[] bytes, String source, boolean generated, FirmwareNvs.ContractCheck check) {

    public NvsImage {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The keys of the firmware's namespace in the image, marker included (never their values). */
    public List<String> keys() {
        return check.keys();
    }

    /** The firmware's settings as an image of {@code size} bytes (the nvs partition's size). */
    public static NvsImage generated(Map<String, String> values, int size) {
        List<NvsEntry> entries = FirmwareNvs.entries(values);
        byte[] image = NvsImageWriter.write(entries, size);
        return new NvsImage(image, "generated NVS", true, FirmwareNvs.check(NvsReader.read(image)));
    }

    /** An image from elsewhere ({@code --nvs-image}); unreadable images are refused here, contract problems by the planner. */
    public static NvsImage fromFile(Path file, byte[] bytes) {
        try {
            return new NvsImage(bytes, file.getFileName().toString(), false, FirmwareNvs.check(NvsReader.read(bytes)));
        } catch (NvsException e) {
            throw new FlashPlanException(FlashPlanException.Reason.BAD_NVS, file.getFileName() + ": not a valid NVS image: " + e.getMessage());
        }
    }
}
