package org.mepkit.flasher.cli;

import org.mepkit.cli.spi.CommandContribution;

/** The flasher module's contributions to the {@code mep} CLI (listed in META-INF/services). */
public final class FlasherCommands {

    private FlasherCommands() {
    }

    /** {@code mep flash}. */
    public static final class Flash implements CommandContribution {
        @Override
        public String parent() {
            return "";
        }

        @Override
        public Object command() {
            return new FlashCommand();
        }
    }

    /** {@code mep image info}. */
    public static final class ImageInfo implements CommandContribution {
        @Override
        public String parent() {
            return "image";
        }

        @Override
        public Object command() {
            return new ImageInfoCommand();
        }
    }

    /** {@code mep nvs build}. */
    public static final class NvsBuild implements CommandContribution {
        @Override
        public String parent() {
            return "nvs";
        }

        @Override
        public Object command() {
            return new NvsBuildCommand();
        }
    }

    /** {@code mep nvs dump}. */
    public static final class NvsDump implements CommandContribution {
        @Override
        public String parent() {
            return "nvs";
        }

        @Override
        public Object command() {
            return new NvsDumpCommand();
        }
    }
}
