package org.mepkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code mep --version}: the build's version and commit ({@code git describe} at build time, from
 * the manifest of mepkit.jar), or {@code dev} and {@code unknown} when run from classes.
 */
public final class MepVersion implements IVersionProvider {

    /**
     * The first line of {@code mep --version}, e.g. {@code mepkit 0.1.0-SNAPSHOT (commit v0.1-3-gabc1234)}:
     * what reports name as their maker.
     */
    public static String current() {
        return new MepVersion().getVersion()[0];
    }

    @Override
    public String[] getVersion() {
        Manifest m = ownManifest();
        String version = m == null ? null : m.getMainAttributes().getValue("Implementation-Version");
        String commit = m == null ? null : m.getMainAttributes().getValue("Mepkit-Commit");
        return new String[] {line(version, commit), "Java " + System.getProperty("java.version")};
    }

    static String line(String version, String commit) {
        return "mepkit " + (version == null ? "dev" : version) + " (commit " + (commit == null || commit.isBlank() ? "unknown" : commit) + ")";
    }

    /** The manifest of the jar this class was loaded from (not the first of the class path's many); null from classes. */
    private static Manifest ownManifest() {
        URL self = MepVersion.class.getResource("MepVersion.class");
        if (self == null || !"jar".equals(self.getProtocol())) return null;
        String url = self.toString();
        try (InputStream in = new URL(url.substring(0, url.indexOf("!/") + 2) + "META-INF/MANIFEST.MF").openStream()) {
            return new Manifest(in);
        } catch (IOException e) {
            return null;
        }
    }
}
