package org.mepkit.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code mep --version}: the build's version from the jar manifest, or "dev" when run from classes. */
public final class MepVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = MepVersion.class.getPackage().getImplementationVersion();
        return new String[] {"mepkit " + (version == null ? "dev" : version),
                "Java " + System.getProperty("java.version")};
    }
}
