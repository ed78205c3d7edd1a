package org.mepkit.serial.jsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortNotFoundException;
import org.mepkit.serial.SerialException;

class JscPortsTest {

    @TempDir
    Path dir;

    @Test
    void aRegularFileGivenAsPortIsCalledNotASerialPortNotAnOsErrorNumber() throws Exception {
        Path file = Files.writeString(dir.resolve("capture.txt"), "not a tty");
        SerialException e = assertThrows(SerialException.class, () -> JscPorts.open(file.toString(), LineSettings.MEP));
        assertEquals(file + ": not a serial port (a regular file, or a device that is no tty)", e.getMessage());
    }

    @Test
    void aMissingPortSaysToCheckTheAdapter() {
        SerialException e = assertThrows(PortNotFoundException.class, () -> JscPorts.open(dir.resolve("ttyUSB9").toString(), LineSettings.MEP));
        assertTrue(e.getMessage().contains("is the adapter plugged in?"), e.getMessage());
    }

    @Test
    void jSerialCommsNativeLibraryIsKeptInTheUsersCacheNotInTmp() throws Exception {
        Class.forName(JscPorts.class.getName()); // its initialiser loads jSerialComm
        assertTrue(JscNative.cacheFolder().endsWith(Path.of("mepkit")), JscNative.cacheFolder().toString());
        assertTrue(Files.isDirectory(JscNative.cacheFolder().resolve("jSerialComm")), "unpacked there by the first open");
    }
}
