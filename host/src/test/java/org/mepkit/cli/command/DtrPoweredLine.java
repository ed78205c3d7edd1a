package org.mepkit.cli.command;

import java.util.Optional;

import org.mepkit.serial.ModemControl;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.memory.ForwardingLine;
import org.mepkit.sim.max3232.Max3232Model;

/** A USB adapter whose DTR switches a simulated MAX3232's VCC (RTS does nothing). */
final class DtrPoweredLine extends ForwardingLine {

    private final Max3232Model chip;

    DtrPoweredLine(SerialLine line, Max3232Model chip) {
        super(line);
        this.chip = chip;
    }

    @Override
    public Optional<ModemControl> modemControl() {
        return Optional.of(new ModemControl() {
            @Override
            public void setDtr(boolean asserted) {
                chip.setPowered(asserted);
            }

            @Override
            public void setRts(boolean asserted) {
            }
        });
    }

    @Override
    public void close() {
        line.close();
    }
}
