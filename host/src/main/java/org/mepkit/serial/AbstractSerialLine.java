package org.mepkit.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * What the serial line implementations share: the name and settings, and {@link #read}'s argument checks
 * before the implementation's own {@link #readChecked}.
 */
public abstract class AbstractSerialLine implements SerialLine {

    protected final String name;
    protected final LineSettings settings;

    protected AbstractSerialLine(String name, LineSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final LineSettings settings() {
        return settings;
    }

    @Override
    public final int read(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        SerialLine.checkReadArguments(buffer, offset, len, timeout);
        return readChecked(buffer, offset, len, timeout);
    }

    /** {@link #read} once its arguments are known to be valid. */
    protected abstract int readChecked(byte[] buffer, int offset, int len, Duration timeout) throws SerialException;
}
