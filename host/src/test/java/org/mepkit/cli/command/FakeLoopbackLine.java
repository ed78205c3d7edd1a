package org.mepkit.cli.command;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mepkit.serial.LineSettings;
import org.mepkit.serial.ModemControl;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/** A USB adapter with a loopback jumper and a DTR line, that can vanish after a number of writes. */
final class FakeLoopbackLine implements SerialLine {

    final List<String> dtr = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final int vanishAfterWrites;
    private int writes;
    private boolean gone;

    FakeLoopbackLine(int vanishAfterWrites) {
        this.vanishAfterWrites = vanishAfterWrites;
    }

    @Override
    public String name() {
        return "/dev/ttyFAKE0";
    }

    @Override
    public LineSettings settings() {
        return LineSettings.MEP;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        if (gone) throw new PortDisconnectedException(name() + ": the port went away (unplugged?)");
        byte[] data = pending.toByteArray();
        int n = Math.min(len, data.length);
        System.arraycopy(data, 0, buffer, offset, n);
        pending.reset();
        pending.write(data, n, data.length - n);
        return n;
    }

    @Override
    public synchronized void write(byte[] data, int offset, int len) throws SerialException {
        if (++writes > vanishAfterWrites) gone = true;
        if (gone) throw new PortDisconnectedException(name() + ": the port went away (unplugged?)");
        pending.write(data, offset, len);
    }

    @Override
    public void drain() {
    }

    @Override
    public synchronized void discardInput() {
        pending.reset();
    }

    @Override
    public Optional<ModemControl> modemControl() {
        return Optional.of(new ModemControl() {
            @Override
            public void setDtr(boolean asserted) {
                dtr.add(asserted ? "on" : "off");
            }

            @Override
            public void setRts(boolean asserted) {
            }
        });
    }

    @Override
    public void close() {
    }
}
