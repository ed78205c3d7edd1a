package org.mepkit.power;

import org.mepkit.serial.ModemControl;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * A modem-control output (DTR or RTS) of a USB-serial adapter switching the MAX3232's VCC through a
 * transistor on a bench jig (docs/jig-wiring.md). {@code inverted} is for a PNP high-side switch,
 * where an asserted line (low TTL level at the adapter pin) turns the supply on.
 */
public final class ModemLineOutput implements OutputLine {

    public enum Pin { DTR, RTS }

    private final ModemControl control;
    private final Pin pin;
    private final boolean inverted;
    private final String name;

    ModemLineOutput(ModemControl control, Pin pin, boolean inverted, String portName) {
        this.control = control;
        this.pin = pin;
        this.inverted = inverted;
        this.name = pin + " of " + portName;
    }

    /** The {@code pin} of {@code line}; fails at once with {@link PowerException.Reason#UNAVAILABLE} on a port without modem lines. */
    public static ModemLineOutput of(SerialLine line, Pin pin, boolean inverted) throws PowerException {
        ModemControl control = line.modemControl().orElseThrow(() -> new PowerException(
                PowerException.Reason.UNAVAILABLE,
                line.name() + " has no modem-control lines (a pseudo-terminal?), so " + pin
                        + " cannot switch the MAX3232; use --power gpiod:CHIP:LINE or a USB-serial adapter"));
        return new ModemLineOutput(control, pin, inverted, line.name());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void set(boolean active) throws PowerException {
        boolean level = active != inverted;
        try {
            if (pin == Pin.DTR) control.setDtr(level);
            else control.setRts(level);
        } catch (SerialException e) {
            throw new PowerException(PowerException.Reason.FAILED, "cannot set " + name + ": " + e.getMessage(), e);
        }
    }
}
