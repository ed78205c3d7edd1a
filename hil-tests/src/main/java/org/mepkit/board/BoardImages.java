package org.mepkit.board;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsImageWriter;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.PartitionTable;
import org.mepkit.esp.partition.PartitionTableCodec;

/**
 * The images a twin boots: a bootloader, the ESP32-MEP partition table, an app whose descriptor
 * names the firmware model, and an NVS partition with the firmware's settings. Built with the
 * flasher's image, partition and NVS writers, byte for byte what would be flashed.
 */
public final class BoardImages {

    public static final int BOOTLOADER = 0x1000;
    public static final int TABLE = 0x8000;
    public static final int NVS = 0x9000;
    public static final int NVS_SIZE = 0x5000;
    public static final int APP0 = 0x10000;

    private BoardImages() {
    }

    public static byte[] bootloader() {
        return ImageBuilder.bootloader().build();
    }

    public static byte[] partitionTable() {
        return PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb());
    }

    public static PartitionTable table() {
        return DefaultPartitionTables.esp32Mep4Mb();
    }

    /** An app image whose descriptor project name selects the firmware model ({@code dabbler}). */
    public static byte[] app(String projectName) {
        return ImageBuilder.app().projectName(projectName).build();
    }

    /** The NVS keys the dabbler firmware reads, from a config (secrets included: this is what gets flashed). */
    public static Map<String, String> settings(FirmwareConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("wifi_ssid", c.wifiSsid());
        m.put("wifi_password", c.wifiPassword());
        m.put("user_login", c.userLogin());
        m.put("user_password", c.userPassword());
        m.put("mep_key", c.mepKey());
        m.put("mqtt_enable", c.mqttEnable() ? "1" : "0");
        m.put("mqtt_topic", c.mqttTopic());
        m.put("mqtt_server", c.mqttServer());
        m.put("mqtt_user", c.mqttUser());
        m.put("mqtt_password", c.mqttPassword());
        return m;
    }

    public static byte[] nvs(FirmwareConfig c) {
        return NvsImageWriter.write(FirmwareNvs.entries(settings(c)), NVS_SIZE);
    }

    /** Rewrites only the NVS partition with {@code c} (what {@code mep flash --config} does to a flashed board). */
    public static void provisionNvs(org.mepkit.board.flash.VirtualFlash flash, FirmwareConfig c) {
        flash.eraseCovering(NVS, NVS_SIZE);
        flash.write(NVS, nvs(c));
        flash.flush();
    }

    /** Writes all four images into the flash, as {@code esptool write_flash} would. */
    public static void provision(org.mepkit.board.flash.VirtualFlash flash, String projectName, FirmwareConfig c) {
        flash.eraseCovering(BOOTLOADER, 0x8000 - BOOTLOADER);
        flash.write(BOOTLOADER, bootloader());
        flash.eraseCovering(TABLE, 0x1000);
        flash.write(TABLE, partitionTable());
        flash.eraseCovering(NVS, NVS_SIZE);
        flash.write(NVS, nvs(c));
        byte[] app = app(projectName);
        flash.eraseCovering(APP0, app.length);
        flash.write(APP0, app);
        flash.flush();
    }
}
