package org.mepkit.bsp.cli;

import org.mepkit.cli.spi.CommandContribution;

/** Registers {@code mep bsp export} and {@code mep bsp diff} (see META-INF/services). */
public final class BspCommands {

    private BspCommands() {
    }

    /** {@code mep bsp export}. */
    public static final class Export implements CommandContribution {
        @Override
        public String parent() {
            return "bsp";
        }

        @Override
        public Object command() {
            return new BspExportCommand();
        }
    }

    /** {@code mep bsp diff}. */
    public static final class Diff implements CommandContribution {
        @Override
        public String parent() {
            return "bsp";
        }

        @Override
        public Object command() {
            return new BspDiffCommand();
        }
    }
}
