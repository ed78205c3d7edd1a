package org.mepkit.hil.cli;

import org.mepkit.cli.spi.CommandContribution;

/** The hil-tests module's subcommands, registered in META-INF/services. */
public final class Contributions {

    private Contributions() {
    }

    public static final class Bench implements CommandContribution {
        @Override
        public String parent() {
            return "";
        }

        @Override
        public Object command() {
            return new BenchCommand();
        }
    }

    public static final class Demo implements CommandContribution {
        @Override
        public String parent() {
            return "";
        }

        @Override
        public Object command() {
            return new DemoCommand();
        }
    }

    public static final class BoardEmulate implements CommandContribution {
        @Override
        public String parent() {
            return "board";
        }

        @Override
        public Object command() {
            return new BoardEmulateCommand();
        }
    }

    public static final class DiagnoseBoard implements CommandContribution {
        @Override
        public String parent() {
            return "diagnose";
        }

        @Override
        public Object command() {
            return new DiagnoseBoardCommand();
        }
    }

    public static final class PerfFarm implements CommandContribution {
        @Override
        public String parent() {
            return "perf";
        }

        @Override
        public Object command() {
            return new PerfFarmCommand();
        }
    }

    public static final class PerfFlash implements CommandContribution {
        @Override
        public String parent() {
            return "perf";
        }

        @Override
        public Object command() {
            return new PerfFlashCommand();
        }
    }
}
