package org.mepkit.cli.option;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

import picocli.CommandLine.Option;

/**
 * {@code --port PORT} and {@code --baud N} for commands that talk over a serial port: a device path,
 * {@code rfc2217://host:port} or {@code socket://host:port} ({@link org.mepkit.serial.Ports}). The port
 * is never guessed: mepkit does not enumerate ports (on a VM {@code /dev/ttyS0} is the console).
 * Each command supplies its default line settings (9600 8N1 for the meter, 115200 for the console).
 */
public final class PortOptions {

    @Option(names = "--port", required = true, paramLabel = "PORT",
            description = "Serial port to use (never guessed): a path such as /dev/ttyUSB0, rfc2217://HOST:PORT"
                    + " (e.g. ser2net on another machine) or socket://HOST:PORT (raw TCP, no line settings).")
    String port;

    @Option(names = "--baud", paramLabel = "N",
            description = "Line speed in baud (default: the command's usual speed).")
    Integer baud;

    public String port() {
        return port;
    }

    /** The baud given with {@code --baud}, or the command's default. */
    public int baud(int commandDefault) {
        if (baud == null) return commandDefault;
        if (baud <= 0) throw new MepException(ExitCodes.USAGE, "--baud must be a positive number, not " + baud);
        return baud;
    }

    /** The command's default settings with the baud from {@code --baud}, if given. */
    public LineSettings settings(LineSettings commandDefault) {
        return commandDefault.withBaud(baud(commandDefault.baud()));
    }

    /** Opens {@code --port} with {@link #settings(LineSettings)}; open errors carry their one-line reason. */
    public SerialLine open(PortOpener opener, LineSettings commandDefault) throws SerialException {
        return opener.open(port, settings(commandDefault));
    }
}
