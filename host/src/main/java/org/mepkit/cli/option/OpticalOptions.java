package org.mepkit.cli.option;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.optical.OpticalSettings;

import picocli.CommandLine.Option;

/**
 * {@code --optical} and what the optical (ANSI C12.18) session negotiates and logs on with:
 * {@code --packet-size}, {@code --user-id}, {@code --user} (docs/cli-grammar.md).
 */
public final class OpticalOptions {

    /** The smallest packet that carries every request the client sends (security: 29 bytes). */
    public static final int MIN_PACKET_SIZE = 32;

    @Option(names = "--optical",
            description = "Read through the meter's optical (IR) port with a probe (ANSI C12.18 at 9600 8N1) instead of the MEP port.")
    boolean optical;

    @Option(names = "--packet-size", paramLabel = "N",
            description = "With --optical: the C12.18 packet size to negotiate (default: 64; the meter may answer less).")
    Integer packetSize;

    @Option(names = "--user-id", paramLabel = "N", description = "With --optical: the logon user id, 0..65535 (default: 0).")
    Integer userId;

    @Option(names = "--user", paramLabel = "NAME", description = "With --optical: the logon user name, up to 10 characters (default: 0000).")
    String user;

    public boolean optical() {
        return optical;
    }

    /**
     * The session settings.
     *
     * @throws MepException USAGE when an option is out of range, or given without {@code --optical}
     */
    public OpticalSettings settings() {
        if (!optical && (packetSize != null || userId != null || user != null)) {
            throw new MepException(ExitCodes.USAGE, "--packet-size, --user-id and --user go with --optical");
        }
        if (packetSize != null && (packetSize < MIN_PACKET_SIZE || packetSize > 0xFFFF)) {
            throw new MepException(ExitCodes.USAGE, "--packet-size must be " + MIN_PACKET_SIZE
                    + "..65535 (the security request alone takes 29 bytes)");
        }
        OpticalSettings d = OpticalSettings.DEFAULT;
        try {
            return new OpticalSettings(packetSize == null ? d.packetSize() : packetSize, d.packets(),
                    userId == null ? d.userId() : userId, user == null ? d.user() : user);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        }
    }
}
