package org.mepkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchConfigTest {

    @TempDir
    Path dir;

    @Test
    void portsByPathOrUsbSerialNumberAndOptionalControls() throws Exception {
        Path by = Files.createDirectories(dir.resolve("by-id"));
        Files.createFile(by.resolve("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0"));
        Files.writeString(dir.resolve("key.txt"), "ABCDEFGHIJKLMNOPQRST\n");
        Path f = dir.resolve("bench.yaml");
        Files.writeString(f, """
                name: lab-1
                console: {path: /dev/ttyUSB7}
                meter: {usbSerial: A50285BI}
                mepKeyFile: key.txt
                url: http://127.0.0.1:8080/
                power: {on: "true", off: "true"}
                """);
        BenchConfig c = BenchConfig.read(f);
        ConfiguredBench b = new ConfiguredBench(c, "ABCDEFGHIJKLMNOPQRST", by);
        assertEquals("/dev/ttyUSB7", b.resolve(c.console()));
        assertEquals(by.resolve("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0").toString(), b.resolve(c.meter()));
        assertTrue(b.power().isPresent());
        assertTrue(b.twin().isEmpty());
        assertEquals("ABCDEFGHIJKLMNOPQRST", ConfiguredBench.from(c, dir).provisionedKey());
        b.power().get().reset();
    }

    @Test
    void aMissingPortOrAnUnknownFieldIsRefused() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "console: {path: /dev/ttyUSB0}\n");
        assertTrue(assertThrows(IOException.class, () -> BenchConfig.read(f)).getMessage().contains("'meter'"));
        Files.writeString(f, "console: {path: a}\nmeter: {path: b}\nrelay: 3\n");
        assertThrows(IOException.class, () -> BenchConfig.read(f));
    }

    @Test
    void aFailingPowerCommandIsAnError() {
        ConfiguredBench b = new ConfiguredBench(new BenchConfig("x", new BenchConfig.Port("a", null),
                new BenchConfig.Port("b", null), null, null, null, new BenchConfig.Power("true", "exit 3"), null, null), "K", dir);
        IOException e = assertThrows(IOException.class, () -> b.power().get().powerOff());
        assertTrue(e.getMessage().contains("failed (3)"), e.getMessage());
    }
}
