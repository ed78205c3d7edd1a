package org.mepkit.serial.jsc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mepkit.serial.jsc.JscSerialLineOverPtyTest.readExactly;
import static org.mepkit.serial.jsc.JscSerialLineOverPtyTest.rootCause;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortBusyException;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;

/** Two jSerialComm lines joined by a socat null modem, each opened by path like a real port. */
class JscSerialLineOverSocatTest {

    private SocatPair socat;
    private SerialLine host;
    private SerialLine meter;

    @BeforeEach
    void start() throws Exception {
        socat = PtyTesting.socatPair();
        host = JscPorts.open(socat.pathA().toString(), LineSettings.MEP);
        meter = JscPorts.open(socat.pathB().toString(), LineSettings.MEP);
    }

    @AfterEach
    void stop() {
        if (host != null) host.close();
        if (meter != null) meter.close();
        if (socat != null) socat.close();
    }

    @Test
    void aRequestAndItsAnswerCrossTheNullModem() throws Exception {
        host.write(new byte[] {(byte) 0xEE, 0x00, 0x00});
        assertArrayEquals(new byte[] {(byte) 0xEE, 0x00, 0x00}, readExactly(meter, 3));
        meter.write(new byte[] {0x00});
        assertArrayEquals(new byte[] {0x00}, readExactly(host, 1));
    }

    @Test
    void theLinkPathIsTheLineName() {
        assertEquals(socat.pathA().toString(), host.name());
        assertTrue(host.modemControl().isEmpty(), "a link to /dev/pts/N is a pty: no modem lines");
    }

    @Test
    void anEndAlreadyOpenIsBusy() {
        assertThrows(PortBusyException.class, () -> JscPorts.open(socat.pathA().toString(), LineSettings.MEP));
    }

    @Test
    void killingSocatDisconnectsAWaitingRead() throws Exception {
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return host.read(new byte[1], 0, 1, Duration.ofSeconds(10));
            } catch (SerialException e) {
                throw new RuntimeException(e);
            }
        });
        socat.unplug();
        var failure = assertThrows(Exception.class, () -> reader.get(20, TimeUnit.SECONDS));
        assertTrue(rootCause(failure) instanceof PortDisconnectedException, "cause: " + rootCause(failure));
    }
}
