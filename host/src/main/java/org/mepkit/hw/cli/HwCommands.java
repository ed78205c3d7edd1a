package org.mepkit.hw.cli;

import org.mepkit.cli.spi.CommandContribution;

/** Registers {@code mep hw check} and {@code mep hw fab} (see META-INF/services). */
public final class HwCommands {

    private HwCommands() {
    }

    /** {@code mep hw check}. */
    public static final class Check implements CommandContribution {
        @Override
        public String parent() {
            return "hw";
        }

        @Override
        public Object command() {
            return new HwCheckCommand();
        }
    }

    /** {@code mep hw fab}. */
    public static final class Fab implements CommandContribution {
        @Override
        public String parent() {
            return "hw";
        }

        @Override
        public Object command() {
            return new HwFabCommand();
        }
    }
}
