package org.mepkit.hil.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mepkit.bench.BenchExtension;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.BenchSession;
import org.mepkit.bench.ConsoleMonitor;

@Tag("boot")
@DisplayName("boot")
@ExtendWith(BenchExtension.class)
class BootTest {

    @Test
    @DisplayName("the ROM banner and the firmware's boot lines appear, ENABLE after the MAX3232 has settled")
    void bannerAndBootSequence(BenchSession s) throws Exception {
        s.boot();
        ConsoleMonitor c = s.console();
        c.awaitFrom(s.bootLine(), "ROM banner", t -> t.contains("boot:0x13 (SPI_FAST_FLASH_BOOT)"), 2_000);
        c.awaitFrom(s.bootLine(), "Preferences", t -> t.equals("Preferences are valid") || t.equals("Preferences initialized"), 2_000);
        ConsoleMonitor.Line rs = c.awaitFrom(s.bootLine(), "MAX3232 on", "Setting RS3232 pin 1"::equals, BenchSession.BOOT_TO_FIRST_REQUEST_MS);
        ConsoleMonitor.Line en = c.awaitFrom(s.bootLine(), "ENABLE on", "Setting ENABLE pin 1"::equals, BenchSession.BOOT_TO_FIRST_REQUEST_MS);
        long gap = en.atMillis() - rs.atMillis();
        Expected x = Expected.of(s.bench());
        assertTrue(gap >= x.enableAfterMaxMin() && gap <= x.enableAfterMaxMax(), "MAX3232 on → ENABLE on took " + gap
                + " ms board time; " + s.bench().firmware() + " firmware: " + x.enableAfterMaxMin() + ".." + x.enableAfterMaxMax());
    }

    @Test
    @DisplayName("the NVS values are read: SSID as provisioned, the key line present")
    void nvsIsRead(BenchSession s) throws Exception {
        Assumptions.assumeTrue(s.bench().provisionedSsid().isPresent(), "bench config names no provisioned SSID");
        s.boot();
        String ssid = s.bench().provisionedSsid().get();
        s.console().awaitFrom(s.bootLine(), "wifi_ssid", ("wifi_ssid: '" + ssid + "'")::equals, 3_000);
        s.console().awaitFrom(s.bootLine(), "mep_key line", t -> t.startsWith("mep_key: '"), 3_000);
        s.console().awaitFrom(s.bootLine(), "Preferences are valid", "Preferences are valid"::equals, 3_000);
    }

    @Test
    @DisplayName("a slow Wi-Fi: a dot per 500 ms until connected, then the first request 2 s after")
    void slowWifi(BenchSession s) throws Exception {
        var twin = s.bench().twin().orElse(null);
        Assumptions.assumeTrue(twin != null, "bench cannot slow the board's Wi-Fi down (virtual bench only)");
        long connect = 12_000;
        twin.setWifiConnectMillis(connect);
        s.boot();
        ConsoleMonitor c = s.console();
        ConsoleMonitor.Line connected = c.awaitFrom(s.bootLine(), "Connected to", t -> t.startsWith("Connected to "),
                BenchSession.BOOT_TO_ENABLE_MS);
        List<ConsoleMonitor.Line> lines = c.lines();
        String dots = lines.stream().skip(s.bootLine()).map(ConsoleMonitor.Line::text).filter(t -> t.matches("\\.+"))
                .findFirst().orElse("");
        // NES-MEP-UI.ino:161-163: delay(500), then a dot, until connected: ceil(connect / 500) dots
        assertEquals((connect + 499) / 500, dots.length(), "Wi-Fi dots");
        BenchMeter.Seen first = s.meter().seen().get(0);
        long ms = first.atMillis() - connected.atMillis();
        Expected x = Expected.of(s.bench());
        assertTrue(ms >= x.connectedToRequestMin() && ms <= x.connectedToRequestMax(), "Connected → first request took " + ms
                + " ms board time (" + s.bench().firmware() + " firmware: " + x.connectedToRequestMin() + ".."
                + x.connectedToRequestMax() + ")");
        s.note("Wi-Fi after " + connect + " ms: " + dots.length() + " dots; first request " + ms + " ms after 'Connected to'");
    }

    @Test
    @DisplayName("no crash loop: one boot in 30 s of board time with a working meter")
    void noCrashLoop(BenchSession s) throws Exception {
        s.boot();
        s.awaitRequests(10, s.steadyPollingMs());
        s.idle(30_000);
        List<ConsoleMonitor.Line> banners = s.console().lines().stream().skip(s.bootLine())
                .filter(l -> l.text().startsWith("rst:")).toList();
        assertEquals(1, banners.size(), "boot banners: " + banners);
    }
}
