package org.mepkit.serial.memory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.mepkit.serial.LineSettings;
import org.mepkit.serial.ModemControl;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/** A {@link SerialLine} that passes every call to another; decorators override what they change. */
public abstract class ForwardingLine implements SerialLine {

    protected final SerialLine line;

    protected ForwardingLine(SerialLine line) {
        this.line = Objects.requireNonNull(line, "line");
    }

    @Override
    public String name() {
        return line.name();
    }

    @Override
    public LineSettings settings() {
        return line.settings();
    }

    @Override
    public int read(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        return line.read(buffer, offset, len, timeout);
    }

    @Override
    public void write(byte[] data, int offset, int len) throws SerialException {
        line.write(data, offset, len);
    }

    @Override
    public void drain() throws SerialException {
        line.drain();
    }

    @Override
    public void discardInput() throws SerialException {
        line.discardInput();
    }

    @Override
    public Optional<ModemControl> modemControl() {
        return line.modemControl();
    }

    @Override
    public void close() {
        line.close();
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
