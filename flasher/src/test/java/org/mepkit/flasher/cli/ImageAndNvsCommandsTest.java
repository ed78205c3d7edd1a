package org.mepkit.flasher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ImageAndNvsCommandsTest {

    @TempDir
    Path dir;

    @Test
    void imageInfoPrintsHeaderSegmentsFooterAndAppDescription() throws Exception {
        Path app = dir.resolve("app.bin");
        Files.write(app, ImageBuilder.app().projectName("NES-MEP-UI").version("1.2.3").build());
        CliRun r = CliRun.run("image", "info", app.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("Entry point: 0x40082c54"), r.out());
        assertTrue(r.out().contains("Flash mode: DIO"), r.out());
        assertTrue(r.out().contains("Chip ID: 0 (ESP32)"), r.out());
        assertTrue(r.out().contains("Checksum: 0x"), r.out());
        assertTrue(r.out().contains("(valid)"), r.out());
        assertTrue(r.out().contains("Project name: NES-MEP-UI"), r.out());
        assertTrue(r.out().contains("App version: 1.2.3"), r.out());
        assertTrue(r.out().contains("ESP-IDF: v4.4.6-dirty"), r.out());
    }

    @Test
    void imageInfoOfAC3AppNamesItsRegionsAsTheC3MemoryMapDoes() throws Exception {
        Path app = dir.resolve("c3.bin");
        Files.write(app, ImageBuilder.app().chip(org.mepkit.esp.chip.ChipRegistry.ESP32_C3).projectName("arduino-lib-builder").build());
        CliRun r = CliRun.run("image", "info", app.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("Detected image type: ESP32-C3"), r.out());
        assertTrue(r.out().contains("ESP32-C3 Image Header\n====================="), r.out());
        assertTrue(r.out().contains("Chip ID: 5 (ESP32-C3)"), r.out());
        assertTrue(r.out().matches("(?s).*0x3c0b0020  0x00000018  DROM\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*0x3fc8e400  0x[0-9a-f]{8}  DRAM, BYTE_ACCESSIBLE\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*0x42000020  0x0001[0-9a-f]{4}  IROM\n.*"), r.out());
        assertTrue(r.out().contains("Project name: arduino-lib-builder"), "the C3 descriptor is found: " + r.out());
        CliRun j = CliRun.run("image", "info", "--json", app.toString());
        JsonNode seg1 = new ObjectMapper().readTree(j.out()).get("segments").get(1);
        assertEquals("[\"DRAM\",\"BYTE_ACCESSIBLE\"]", seg1.get("memory").toString());
    }

    @Test
    void imageInfoJsonAndAFailedVerdictForACorruptImage() throws Exception {
        byte[] bytes = ImageBuilder.app().build();
        bytes[100] ^= 1;
        Path app = dir.resolve("bad.bin");
        Files.write(app, bytes);
        CliRun r = CliRun.run("image", "info", "--json", app.toString());
        assertEquals(ExitCodes.VERDICT_FAILED, r.exit());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertFalse(j.get("checksum_valid").asBoolean());
        assertFalse(j.get("sha256_valid").asBoolean());
        assertEquals("dio", j.get("flash_mode").asText());
        assertEquals("NES-MEP-UI", j.get("app").get("project_name").asText());
    }

    @Test
    void imageInfoRefusesANonImageWithOneLine() throws Exception {
        Path f = dir.resolve("x.bin");
        Files.write(f, new byte[64]);
        CliRun r = CliRun.run("image", "info", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertEquals("mep: " + f + ": not an ESP32 image: first byte is 0x00, expected 0xe9\n", r.err());
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("image", "info", dir.resolve("missing.bin").toString()).exit());
    }

    @Test
    void imageInfoAlsoReadsAPartitionTable() throws Exception {
        Path pt = dir.resolve("pt.bin");
        Files.write(pt, org.mepkit.esp.partition.PartitionTableCodec.write(org.mepkit.esp.partition.DefaultPartitionTables.esp32Mep4Mb()));
        CliRun r = CliRun.run("image", "info", pt.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("nvs, data, nvs, 0x9000, 0x5000, \n"), r.out());
        assertTrue(r.out().contains("app0, app, ota_0, 0x10000, 0x140000, \n"), r.out());
        assertTrue(r.out().contains("MD5 row: valid"), r.out());
        byte[] b = Files.readAllBytes(pt);
        b[4] = 0x10; // nvs offset 0x9010: misaligned, and the MD5 row no longer matches
        Files.write(pt, b);
        CliRun bad = CliRun.run("image", "info", pt.toString());
        assertEquals(ExitCodes.VERDICT_FAILED, bad.exit());
        assertTrue(bad.out().contains("MD5 row: INVALID"), bad.out());
    }

    @Test
    void nvsBuildFromAConfigFileThenDumpRedactsSecrets() throws Exception {
        Path cfg = dir.resolve("board.cfg");
        Files.writeString(cfg, "# bench settings\nwifi_ssid=bench\nwifi_password=s3cr=t pass\nmep_key=0123456789ABCDEF0123\n");
        Path img = dir.resolve("nvs.bin");
        CliRun b = CliRun.run("nvs", "build", "--settings", cfg.toString(), "--set", "mqtt_enable=1", "-o", img.toString());
        assertEquals(ExitCodes.OK, b.exit(), b.err());
        assertEquals("wrote " + img + ": 20480 bytes, namespace esp32-mep, keys: esp32-mep, wifi_ssid, wifi_password, mep_key, mqtt_enable\n", b.out());
        assertFalse(b.out().contains("s3cr"));
        assertEquals("s3cr=t pass", NvsReader.read(Files.readAllBytes(img)).entries().get(2).value().display());

        CliRun d = CliRun.run("nvs", "dump", img.toString());
        assertEquals(ExitCodes.OK, d.exit(), d.err());
        assertTrue(d.out().startsWith("page 0: active, seq 0, "), d.out());
        assertTrue(d.out().contains("wifi_ssid       str      bench"), d.out());
        assertTrue(d.out().contains("wifi_password   str      ***"), d.out());
        assertFalse(d.out().contains("s3cr"), d.out());
        assertFalse(d.out().contains("0123456789ABCDEF0123"), d.out());
        assertTrue(d.out().contains("mqtt_enable     u8       1"), d.out());

        CliRun shown = CliRun.run("nvs", "dump", "--show-secrets", img.toString());
        assertTrue(shown.out().contains("s3cr=t pass"), shown.out());
    }

    @Test
    void nvsBuildRefusesAnOverLongValueWithoutEchoingIt() {
        CliRun r = CliRun.run("nvs", "build", "--set", "user_password=" + "p".repeat(65), "-o", dir.resolve("n.bin").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertEquals("mep: user_password is 65 bytes; the firmware keeps at most 64\n", r.err());
        assertFalse(Files.exists(dir.resolve("n.bin")));
    }

    @Test
    void nvsDumpRefusesACorruptImage() throws Exception {
        Path img = dir.resolve("nvs.bin");
        CliRun.run("nvs", "build", "--set", "wifi_ssid=x", "-o", img.toString());
        byte[] b = Files.readAllBytes(img);
        b[5] ^= 1;
        Files.write(img, b);
        CliRun r = CliRun.run("nvs", "dump", img.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().startsWith("mep: " + img + ": page 0: header CRC"), r.err());
    }

    @Test
    void theMarkerIsTheFirstKey() throws Exception {
        Path img = dir.resolve("nvs.bin");
        CliRun.run("nvs", "build", "-o", img.toString());
        assertEquals(FirmwareNvs.MARKER_KEY, NvsReader.read(Files.readAllBytes(img)).entries().get(0).key());
    }
}
