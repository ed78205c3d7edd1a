package org.mepkit.spec;

/**
 * Which firmware-spec a generated file came from: the release ({@code version}, from the build)
 * and a digest of the one board's data ({@code boardDigest}: SHA-256 of its {@code boards.json}
 * entry and every file that entry names). A SNAPSHOT version alone does not say which data.
 */
public record SpecVersion(String version, String boardDigest) {

    /** {@code firmware-spec 0.1.0 (board data sha256:1a2b3c4d5e6f)}. */
    public String describe() {
        return "firmware-spec " + version + " (board data sha256:" + boardDigest.substring(0, 12) + ")";
    }
}
