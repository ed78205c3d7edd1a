package org.mepkit.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.time.ManualTicker;

class AdapterWatcherTest {

    @TempDir
    Path dir;

    @Test
    void readsTheUsbSerialNumberFromTheByIdNameWhenThereIsOne() {
        assertEquals(Optional.of("A50285BI"), AdapterWatcher.adapter(Path.of("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0")).usbSerial());
        assertEquals(Optional.of("0001A2"), AdapterWatcher.adapter(Path.of("usb-Silicon_Labs_CP2102_USB_to_UART_0001A2-if00-port0")).usbSerial());
        assertEquals(Optional.empty(), AdapterWatcher.adapter(Path.of("usb-1a86_USB_Serial-if00-port0")).usbSerial());
        assertEquals(Optional.empty(), AdapterWatcher.adapter(Path.of("pci-0000:00:1f.0")).usbSerial());
    }

    @Test
    void reportsOnlyNewAdaptersAndGivesUpAtTheDeadlineInVirtualTime() throws Exception {
        Files.createFile(dir.resolve("usb-old_ABCDE1-if00-port0"));
        ManualTicker clock = ManualTicker.autoAdvancing();
        AdapterWatcher w = new AdapterWatcher(dir, clock);
        Set<String> known = w.present();
        assertEquals(Optional.empty(), w.awaitNew(known, clock.deadlineAfter(Duration.ofSeconds(5))));
        assertTrue(clock.elapsed().compareTo(Duration.ofSeconds(5)) >= 0);
        Files.createFile(dir.resolve("usb-FTDI_FT232R_USB_UART_NEW12345-if00-port0"));
        assertEquals(Optional.of("NEW12345"), w.awaitNew(known, clock.deadlineAfter(Duration.ofSeconds(5))).orElseThrow().usbSerial());
    }

    @Test
    void aMissingFolderMeansNoAdapters() {
        assertEquals(Set.of(), new AdapterWatcher(dir.resolve("none"), ManualTicker.autoAdvancing()).present());
    }
}
