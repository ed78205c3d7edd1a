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
import org.mepkit.optical.OpticalKey;

import picocli.CommandLine.Option;
import org.mepkit.util.UserFiles;

/**
 * The MBK key for a command: {@code --key K}, {@code --key-file PATH} (first line, line end
 * stripped) or else the {@code MEP_KEY} environment variable, so the key need not show in the
 * process list. Errors name the source, never the key.
 */
public final class KeyOptions {

    public static final String ENV = "MEP_KEY";

    @Option(names = "--key", paramLabel = "KEY",
            description = "MBK key (1..20 ASCII characters; with --optical also 40 hex digits). Prefer --key-file or MEP_KEY: a --key shows in the process list.")
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
        return given(environment).map(g -> parse(g.text(), g.source()));
    }

    /**
     * The key for the optical port's security service (40 hex digits or text, see {@link OpticalKey}),
     * from the same options and variable.
     *
     * @throws MepException USAGE when none is given; BAD_INPUT when it is no valid optical key
     */
    public OpticalKey opticalKey(Map<String, String> environment) {
        Given g = given(environment).orElseThrow(() -> new MepException(ExitCodes.USAGE,
                "no key: give --key, --key-file or set " + ENV));
        try {
            return OpticalKey.of(g.text());
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.BAD_INPUT, e.getMessage() + " (from " + g.source() + ")");
        }
    }

    public OpticalKey opticalKey() {
        return opticalKey(System.getenv());
    }

    /** The key's text and where it came from (for messages, never the text itself). */
    private record Given(String text, String source) { }

    private Optional<Given> given(Map<String, String> environment) {
        if (key != null && keyFile != null) {
            throw new MepException(ExitCodes.USAGE, "give either --key or --key-file, not both");
        }
        if (key != null) return Optional.of(new Given(key, "--key"));
        if (keyFile != null) return Optional.of(new Given(readFirstLine(keyFile), "key file " + keyFile));
        String env = environment.get(ENV);
        if (env != null) return Optional.of(new Given(env, ENV));
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
            content = StandardCharsets.US_ASCII.newDecoder().decode(java.nio.ByteBuffer.wrap(UserFiles.read(file, UserFiles.SECRET_LIMIT, "key file"))).toString();
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, e instanceof java.nio.charset.CharacterCodingException
                    ? "cannot read key file " + file + ": " + describe(e) : "key file " + e.getMessage());
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
