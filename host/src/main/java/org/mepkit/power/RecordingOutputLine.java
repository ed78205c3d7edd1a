package org.mepkit.power;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** An output line that only remembers what it was told, with the time: the simulator's lines and a test spy. */
public final class RecordingOutputLine implements OutputLine {

    /** One {@link #set} call. */
    public record Change(long atNanos, boolean active) {
    }

    private final String name;
    private final LongSupplier clock;
    private final List<Change> changes = new ArrayList<>();
    private boolean active;

    public RecordingOutputLine(String name, LongSupplier clock) {
        this.name = name;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void set(boolean value) {
        active = value;
        changes.add(new Change(clock.getAsLong(), value));
    }

    public synchronized boolean active() {
        return active;
    }

    public synchronized List<Change> changes() {
        return List.copyOf(changes);
    }
}
