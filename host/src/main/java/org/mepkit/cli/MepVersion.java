package org.mepkit.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code mep --version}: the build's version from the jar manifest, or "dev" when run from classes. */
public final class MepVersion implements IVersionProvider {

    /** The first line of {@code mep --version}, e.g. {@code mepkit 0.1.0-SNAPSHOT}: what reports name as their maker. */
    public static String current() {
        return new MepVersion().getVersion()[0];
    }

    @Override
    public String[] getVersion() {
        String version = MepVersion.class.getPackage().getImplementationVersion();
        return new String[] {"mepkit " + (version == null ? "dev" : version),
                "Java " + System.getProperty("java.version")};
    }
}
