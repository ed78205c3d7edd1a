package org.mepkit.esp.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsImageWriter;
import org.mepkit.esp.nvs.NvsReader;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.PartitionTableCodec;

/**
 * Leaves sample files in {@code flasher/target/test-samples/} for trying the CLI by hand
 * ({@code ./mep image info flasher/target/test-samples/app.bin}, {@code ./mep nvs dump ...}).
 */
class SampleFilesTest {

    @Test
    void writesSampleImagesThatReadBack() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-samples"));
        byte[] app = ImageBuilder.app().build();
        Files.write(dir.resolve("app.bin"), app);
        Files.write(dir.resolve("bootloader.bin"), ImageBuilder.bootloader().build());
        Files.write(dir.resolve("partitions.bin"), PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb()));
        byte[] corrupt = app.clone();
        corrupt[200] ^= 1;
        Files.write(dir.resolve("app-corrupt.bin"), corrupt);
        byte[] nvs = NvsImageWriter.write(FirmwareNvs.entries(Map.of("wifi_ssid", "bench", "wifi_password", "example-only",
                "mep_key", "0123456789ABCDEF0123")), 0x5000);
        Files.write(dir.resolve("nvs.bin"), nvs);
        assertEquals(4, NvsReader.read(Files.readAllBytes(dir.resolve("nvs.bin"))).entries().size());
        assertEquals(app.length, ImageReader.read(Files.readAllBytes(dir.resolve("app.bin"))).imageLength());
    }
}
