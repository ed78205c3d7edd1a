package org.mepkit.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mepkit.serial.ModemControl;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialLine;
import org.mockito.InOrder;

class ModemLineOutputTest {

    @Test
    void aPortWithoutModemLinesHasNoPowerSwitch() {
        SerialLine pty = mock(SerialLine.class);
        when(pty.name()).thenReturn("/dev/pts/7");
        when(pty.modemControl()).thenReturn(Optional.empty());
        PowerException e = assertThrows(PowerException.class, () -> ModemLineOutput.of(pty, ModemLineOutput.Pin.DTR, false));
        assertEquals(PowerException.Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().startsWith("/dev/pts/7 has no modem-control lines"), e.getMessage());
    }

    @Test
    void drivesTheChosenPinWithPolarity() throws Exception {
        ModemControl control = mock(ModemControl.class);
        SerialLine usb = mock(SerialLine.class);
        when(usb.name()).thenReturn("/dev/ttyUSB0");
        when(usb.modemControl()).thenReturn(Optional.of(control));
        ModemLineOutput dtr = ModemLineOutput.of(usb, ModemLineOutput.Pin.DTR, false);
        ModemLineOutput rts = ModemLineOutput.of(usb, ModemLineOutput.Pin.RTS, true);
        dtr.set(true);
        rts.set(true);
        dtr.set(false);
        InOrder order = inOrder(control);
        order.verify(control).setDtr(true);
        order.verify(control).setRts(false);
        order.verify(control).setDtr(false);
        verifyNoMoreInteractions(control);
        assertEquals("RTS of /dev/ttyUSB0", rts.name());
    }

    @Test
    void aVanishedPortIsAFailure() throws Exception {
        ModemControl control = mock(ModemControl.class);
        doThrow(new PortDisconnectedException("/dev/ttyUSB0 went away")).when(control).setDtr(true);
        SerialLine usb = mock(SerialLine.class);
        when(usb.name()).thenReturn("/dev/ttyUSB0");
        when(usb.modemControl()).thenReturn(Optional.of(control));
        PowerException e = assertThrows(PowerException.class, () -> ModemLineOutput.of(usb, ModemLineOutput.Pin.DTR, false).set(true));
        assertEquals(PowerException.Reason.FAILED, e.reason());
    }
}
