package org.mepkit.board.firmware;

import java.util.function.Consumer;
import org.mepkit.power.OutputLine;

/** A MEP-port GPIO as the recovery engine's {@link OutputLine}, logging {@code Setting NAME pin 0|1} as the firmware does. */
final class LoggedPin implements OutputLine {

    private final String name;
    private final BoardIo io;
    private final Consumer<Boolean> set;

    LoggedPin(String name, BoardIo io, Consumer<Boolean> set) {
        this.name = name;
        this.io = io;
        this.set = set;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void set(boolean active) {
        io.println("Setting " + name + " pin " + (active ? 1 : 0));
        set.accept(active);
    }
}
