package org.mepkit.esptool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class WriteFlashArgsTest {

    private static final List<FlashRegion> REGIONS = List.of(new FlashRegion(0x1000, Path.of("bl.bin")),
            new FlashRegion(0x10000, Path.of("app.bin")));

    private static Esptool esptool(int major) {
        return new Esptool(List.of("/opt/esptool"), "test", new EsptoolVersion(major, major == 5 ? 3 : 12, major == 5 ? 1 : 0));
    }

    @Test
    void v4ManualBootIsSnakeCaseWithNoResetEitherSide() {
        assertEquals(List.of("/opt/esptool", "--chip", "esp32", "--port", "/dev/ttyUSB0", "--baud", "460800",
                        "--before", "no_reset", "--after", "no_reset", "--connect-attempts", "40", "write_flash",
                        "--flash_mode", "keep", "--flash_freq", "keep", "--flash_size", "keep",
                        "0x1000", "bl.bin", "0x10000", "app.bin"),
                new WriteFlashArgs("esp32", "/dev/ttyUSB0", 460800, BootMode.MANUAL, 40, false, REGIONS).argv(esptool(4)));
    }

    @Test
    void v5AutoResetIsKebabCase() {
        assertEquals(List.of("/opt/esptool", "--chip", "esp32", "--port", "/dev/ttyUSB0", "--baud", "921600",
                        "--before", "default-reset", "--after", "hard-reset", "--connect-attempts", "7", "write-flash",
                        "--flash-mode", "keep", "--flash-freq", "keep", "--flash-size", "keep", "--erase-all",
                        "0x1000", "bl.bin", "0x10000", "app.bin"),
                new WriteFlashArgs("esp32", "/dev/ttyUSB0", 921600, BootMode.AUTO, 7, true, REGIONS).argv(esptool(5)));
    }

    @Test
    void aRemotePortReachesEsptoolWithIgnSetControl() {
        List<String> argv = new WriteFlashArgs("esp32", "rfc2217://lab-pi:4000", 460800, BootMode.AUTO, 7, false, REGIONS)
                .argv(esptool(5));
        assertEquals("rfc2217://lab-pi:4000?ign_set_control", argv.get(argv.indexOf("--port") + 1));
        assertEquals("rfc2217://lab-pi:4000?ign_set_control",
                WriteFlashArgs.esptoolPort("rfc2217://lab-pi:4000?ign_set_control"));
        assertEquals("socket://lab-pi:4001", WriteFlashArgs.esptoolPort("socket://lab-pi:4001"));
        assertEquals("/dev/ttyUSB0", WriteFlashArgs.esptoolPort("/dev/ttyUSB0"));
    }

    @Test
    void beforeAcceptsBothSpellings() {
        assertEquals(BootMode.MANUAL, BootMode.ofBefore("no-reset"));
        assertEquals(BootMode.AUTO, BootMode.ofBefore("default_reset"));
    }
}
