package org.mepkit.serial.jsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.ModemControl;
import org.mepkit.serial.PortBusyException;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.PortNotFoundException;
import org.mepkit.serial.PortPermissionException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.UnsupportedLineFeatureException;
import org.mepkit.time.ManualTicker;

import com.fazecast.jSerialComm.SerialPort;

/** The paths a pty cannot exercise (modem lines, refusals, timeout arithmetic), on a mocked jSerialComm port. */
class JscSerialLineMockedPortTest {

    private static final int SEMI = SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING;

    private final SerialPort port = mock(SerialPort.class);
    private final ManualTicker ticker = ManualTicker.autoAdvancing();

    private JscSerialLine usbAdapter() throws SerialException {
        when(port.setComPortParameters(anyInt(), anyInt(), anyInt(), anyInt())).thenReturn(true);
        JscSerialLine line = new JscSerialLine("/dev/ttyUSB0", false, port, LineSettings.MEP, ticker);
        line.configure();
        return line;
    }

    @Test
    void dtrAndRtsOfARealAdapterAreDriven() throws Exception {
        when(port.setDTR()).thenReturn(true);
        when(port.clearRTS()).thenReturn(true);
        ModemControl modem = usbAdapter().modemControl().orElseThrow();
        modem.setDtr(true);
        modem.setRts(false);
        verify(port).setDTR();
        verify(port).clearRTS();
    }

    @Test
    void aRefusedDtrIsAnErrorNotIgnored() throws Exception {
        when(port.clearDTR()).thenReturn(false);
        when(port.getLastErrorCode()).thenReturn(25);
        ModemControl modem = usbAdapter().modemControl().orElseThrow();
        var e = assertThrows(UnsupportedLineFeatureException.class, () -> modem.setDtr(false));
        assertEquals("/dev/ttyUSB0: the port cannot drive DTR (OS error 25)", e.getMessage());
    }

    @Test
    void theLineIsSetTo9600EightNoneOne() throws Exception {
        usbAdapter();
        verify(port).setComPortParameters(9600, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    }

    @Test
    void aRefusedBaudIsReported() {
        when(port.setComPortParameters(anyInt(), anyInt(), anyInt(), anyInt())).thenReturn(false);
        when(port.getLastErrorCode()).thenReturn(22);
        JscSerialLine line = new JscSerialLine("/dev/ttyUSB0", false, port, LineSettings.MEP.withBaud(1234), ticker);
        var e = assertThrows(UnsupportedLineFeatureException.class, line::configure);
        assertEquals("/dev/ttyUSB0: the port refused 1234 8N1 (OS error 22)", e.getMessage());
    }

    @Test
    void aShortTimeoutPollsInsteadOfTheNativeWaitThatWouldRoundItTo100Ms() throws Exception {
        JscSerialLine line = usbAdapter();
        assertEquals(0, line.read(new byte[4], 0, 4, Duration.ofMillis(20)));
        assertEquals(Duration.ofMillis(20), ticker.elapsed());
        verify(port, never()).setComPortTimeouts(eq(SEMI), anyInt(), anyInt());
        verify(port, never()).readBytes(any(byte[].class), anyInt(), anyInt());
    }

    @Test
    void aLongTimeoutWaitsNativelyInWhole100MsStepsThenPollsTheRest() throws Exception {
        when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenAnswer(call -> {
            ticker.advance(Duration.ofMillis(200));   // the native wait that found nothing
            return 0;
        });
        JscSerialLine line = usbAdapter();
        assertEquals(0, line.read(new byte[4], 0, 4, Duration.ofMillis(250)));
        verify(port).setComPortTimeouts(SEMI, 200, 0);
        assertEquals(Duration.ofMillis(250), ticker.elapsed());
    }

    @Test
    void aVeryLongTimeoutWaitsNativelyInStepsOfAtMost10SecondsBecauseVtimeIsOneByte() throws Exception {
        when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenAnswer(call -> {
            ticker.advance(Duration.ofMillis(10_000));
            return 0;
        });
        JscSerialLine line = usbAdapter();
        assertEquals(0, line.read(new byte[4], 0, 4, Duration.ofSeconds(30)));
        verify(port, org.mockito.Mockito.times(3)).readBytes(any(byte[].class), anyInt(), anyInt());
        verify(port, org.mockito.Mockito.atLeastOnce()).setComPortTimeouts(SEMI, 10_000, 0);
        verify(port, never()).setComPortTimeouts(eq(SEMI), org.mockito.ArgumentMatchers.intThat(ms -> ms > 10_000), anyInt());
        assertEquals(Duration.ofSeconds(30), ticker.elapsed());
    }

    @Test
    void anEndlessTimeoutDoesNotOverflow() throws Exception {
        when(port.bytesAvailable()).thenReturn(0, 2);
        when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenAnswer(call -> {
            ticker.advance(Duration.ofMillis(10_000));
            return 0;
        }).thenReturn(2);
        JscSerialLine line = usbAdapter();
        assertEquals(2, line.read(new byte[4], 0, 4, Duration.ofSeconds(Long.MAX_VALUE)));
    }

    @Test
    void bytesAlreadyWaitingAreReadWithoutWaiting() throws Exception {
        when(port.bytesAvailable()).thenReturn(3);
        when(port.readBytes(any(byte[].class), eq(3), eq(1))).thenReturn(3);
        JscSerialLine line = usbAdapter();
        assertEquals(3, line.read(new byte[8], 1, 5, Duration.ofSeconds(1)));
        assertEquals(Duration.ZERO, ticker.elapsed());
    }

    @Test
    void aReadOfMinusOneMeansThePortWentAwayAndItStaysGone() throws Exception {
        when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenReturn(-1);
        JscSerialLine line = usbAdapter();
        var e = assertThrows(PortDisconnectedException.class, () -> line.read(new byte[4], 0, 4, Duration.ofSeconds(1)));
        assertEquals("/dev/ttyUSB0: the port went away (unplugged?)", e.getMessage());
        assertThrows(PortDisconnectedException.class, () -> line.write(new byte[] {1}));
    }

    @Test
    void aWriteOfZeroWithEioMeansThePortWentAway() throws Exception {
        when(port.writeBytes(any(byte[].class), anyInt(), anyInt())).thenReturn(0);
        when(port.getLastErrorCode()).thenReturn(5);
        JscSerialLine line = usbAdapter();
        assertThrows(PortDisconnectedException.class, () -> line.write(new byte[] {1, 2}));
    }

    @Test
    void aPartialWriteIsCompleted() throws Exception {
        when(port.writeBytes(any(byte[].class), eq(5), eq(0))).thenReturn(2);
        when(port.writeBytes(any(byte[].class), eq(3), eq(2))).thenReturn(3);
        usbAdapter().write(new byte[5]);
        verify(port).writeBytes(any(byte[].class), eq(3), eq(2));
    }

    @Test
    void openErrorsAreTypedAndSayWhatToDo() throws Exception {
        try (var pty = org.mepkit.serial.pty.OpenPty.open()) {
            String path = pty.portPath();
            assertTrue(openWithErrno(path, 13) instanceof PortPermissionException);
            assertEquals(path + ": permission denied (add your user to the 'dialout' group, then log in again)",
                    openWithErrno(path, 13).getMessage());
            assertTrue(openWithErrno(path, 11) instanceof PortBusyException);
            assertTrue(openWithErrno(path, 16) instanceof PortBusyException);
            assertTrue(openWithErrno(path, 19) instanceof PortNotFoundException);
            assertEquals(path + ": cannot open the port (OS error 71)", openWithErrno(path, 71).getMessage());
        }
    }

    @Test
    void aDirectoryIsNotAPort() {
        var e = assertThrows(PortNotFoundException.class, () -> JscPorts.open("/tmp", LineSettings.MEP));
        assertEquals("/tmp: is a directory, not a serial port", e.getMessage());
    }

    private SerialException openWithErrno(String path, int errno) {
        SerialPort refusing = mock(SerialPort.class);
        when(refusing.openPort()).thenReturn(false);
        when(refusing.getLastErrorCode()).thenReturn(errno);
        return assertThrows(SerialException.class, () -> JscPorts.open(path, LineSettings.MEP, p -> refusing));
    }
}
