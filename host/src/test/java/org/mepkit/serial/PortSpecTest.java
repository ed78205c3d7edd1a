package org.mepkit.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How {@code --port} values are read: paths stay paths, two URL kinds, pyserial's options. */
class PortSpecTest {

    @Test
    void aPathIsALocalPort() throws Exception {
        assertEquals(new PortSpec.Local("/dev/serial/by-id/usb-FTDI_A50285BI-if00-port0"),
                PortSpec.parse("/dev/serial/by-id/usb-FTDI_A50285BI-if00-port0"));
        assertInstanceOf(PortSpec.Local.class, PortSpec.parse("ttyUSB0"));
    }

    @Test
    void anRfc2217UrlGivesHostPortAndTheDefaultTimeout() throws Exception {
        PortSpec.Rfc2217 r = (PortSpec.Rfc2217) PortSpec.parse("rfc2217://pi-lab3:4001");
        assertEquals("pi-lab3", r.host());
        assertEquals(4001, r.port());
        assertEquals(Duration.ofSeconds(3), r.timeout());
        assertEquals("rfc2217://pi-lab3:4001", r.text());
    }

    @Test
    void pyserialOptionsAreAccepted() throws Exception {
        PortSpec.Rfc2217 r = (PortSpec.Rfc2217) PortSpec.parse("RFC2217://10.0.0.5:4000?ign_set_control&timeout=0.5");
        assertEquals(Duration.ofMillis(500), r.timeout());
        assertEquals("rfc2217://10.0.0.5:4000?ign_set_control&timeout=0.5", r.pyserialUrl());
    }

    @Test
    void esptoolGetsIgnSetControlWhetherOrNotTheUserWroteIt() throws Exception {
        assertEquals("rfc2217://127.0.0.1:7001?ign_set_control", ((PortSpec.Rfc2217) PortSpec.parse("rfc2217://127.0.0.1:7001")).pyserialUrl());
        assertEquals("rfc2217://[::1]:7001?ign_set_control", ((PortSpec.Rfc2217) PortSpec.parse("rfc2217://[::1]:7001")).pyserialUrl());
    }

    @Test
    void aSocketUrlIsARawPipe() throws Exception {
        PortSpec.RawSocket s = (PortSpec.RawSocket) PortSpec.parse("socket://127.0.0.1:7002");
        assertEquals("127.0.0.1", s.host());
        assertEquals(7002, s.port());
    }

    @Test
    void everySpellingOfOneRemotePortHasOneIdentity() throws Exception {
        assertEquals(PortSpec.parse("rfc2217://PI:4000").identity(), PortSpec.parse("rfc2217://pi:4000?timeout=9").identity());
    }

    @Test
    void malformedUrlsAreOneLineEach() {
        assertEquals("rfc2217://host: not a port URL (expected rfc2217://HOST:PORT)",
                assertThrows(PortNotFoundException.class, () -> PortSpec.parse("rfc2217://host")).getMessage());
        assertEquals("rfc2217://h:1?baud=9600: unknown option 'baud' (known: ign_set_control, timeout=SECONDS)",
                assertThrows(PortNotFoundException.class, () -> PortSpec.parse("rfc2217://h:1?baud=9600")).getMessage());
        assertEquals("socket://h:1?ign_set_control: ign_set_control applies to rfc2217:// only",
                assertThrows(PortNotFoundException.class, () -> PortSpec.parse("socket://h:1?ign_set_control")).getMessage());
        assertEquals("telnet://h:23: unknown kind of port (use a device path, rfc2217://HOST:PORT or socket://HOST:PORT)",
                assertThrows(PortNotFoundException.class, () -> PortSpec.parse("telnet://h:23")).getMessage());
        assertEquals("rfc2217://h:1?timeout=x: timeout must be a number of seconds between 0 and 3600, not 'x'",
                assertThrows(PortNotFoundException.class, () -> PortSpec.parse("rfc2217://h:1?timeout=x")).getMessage());
        assertThrows(PortNotFoundException.class, () -> PortSpec.parse("rfc2217://h:70000"));
        assertThrows(PortNotFoundException.class, () -> PortSpec.parse(" "));
    }
}
