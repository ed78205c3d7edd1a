package org.mepkit.esptool;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** esptool's version; v5 and later speak kebab-case, v4 only snake_case. */
public record EsptoolVersion(int major, int minor, int patch) {

    private static final Pattern BANNER = Pattern.compile("esptool(?:\\.py)? v(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final Pattern BARE = Pattern.compile("^\\s*(\\d+)\\.(\\d+)(?:\\.(\\d+))?\\S*\\s*$", Pattern.MULTILINE);

    /** True for v5 and later: kebab-case commands and values, errors on stderr, colours unless NO_COLOR. */
    public boolean kebabCase() {
        return major >= 5;
    }

    /** From the output of {@code esptool version} (banner line, then the bare version) or any banner. */
    public static Optional<EsptoolVersion> parse(String output) {
        Matcher m = BANNER.matcher(output);
        if (!m.find()) m = BARE.matcher(output);
        else m.reset();
        if (!m.find()) return Optional.empty();
        return Optional.of(new EsptoolVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
