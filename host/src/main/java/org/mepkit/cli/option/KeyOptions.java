package org.mepkit.cli.option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.mep.key.InvalidKeyException;
import org.mepkit.mep.key.MbkKey;

import picocli.CommandLine.Option;

/**
 * The MBK key for a command: {@code --key K}, {@code --key-file PATH} (first line, line end
 * stripped) or else the {@code MEP_KEY} environment variable, so the key need not show in the
 * process list. Errors name the source, never the key.
 */
public final class KeyOptions {

    public static final String ENV = "MEP_KEY";

    @Option(names = "--key", paramLabel = "KEY",
            description = "MBK key (1..20 ASCII characters). Prefer --key-file or MEP_KEY: a --key shows in the process list.")
    String key;

    @Option(names = "--key-file", paramLabel = "PATH", description = "File whose first line is the MBK key.")
    Path keyFile;

    /** The key from the options or the environment. */
    public MbkKey key() {
        return key(System.getenv());
    }

    /**
     * @throws MepException USAGE when none is given or both options are; BAD_INPUT when the key is
     *         empty, too long, not printable ASCII, or the file cannot be read
     */
    public MbkKey key(Map<String, String> environment) {
        return keyIfGiven(environment).orElseThrow(() -> new MepException(ExitCodes.USAGE,
                "no MBK key: give --key, --key-file or set " + ENV));
    }

    /** The key when one is given, for commands where it is optional. */
    public Optional<MbkKey> keyIfGiven() {
        return keyIfGiven(System.getenv());
    }

    public Optional<MbkKey> keyIfGiven(Map<String, String> environment) {
        if (key != null && keyFile != null) {
            throw new MepException(ExitCodes.USAGE, "give either --key or --key-file, not both");
        }
        if (key != null) return Optional.of(parse(key, "--key"));
        if (keyFile != null) return Optional.of(parse(readFirstLine(keyFile), "key file " + keyFile));
        String env = environment.get(ENV);
        if (env != null) return Optional.of(parse(env, ENV));
        return Optional.empty();
    }

    private static MbkKey parse(String text, String source) {
        try {
            return MbkKey.of(text);
        } catch (InvalidKeyException e) {
            throw new MepException(ExitCodes.BAD_INPUT, e.getMessage() + " (from " + source + ")");
        }
    }

    private static String readFirstLine(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot read key file " + file + ": " + describe(e));
        }
        int end = content.indexOf('\n');
        String line = end < 0 ? content : content.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.charset.CharacterCodingException) return "it is not ASCII text";
        return "not a readable file";
    }
}
