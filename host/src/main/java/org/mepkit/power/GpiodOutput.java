package org.mepkit.power;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Linux GPIO line driven with libgpiod's {@code gpioset} (for a Raspberry Pi host switching a
 * MAX3232 breakout). Both tool generations hold the line only while {@code gpioset} runs, so each
 * {@link #set} stops the previous holder and starts a new one:
 * <ul>
 *   <li>v1: {@code gpioset --mode=signal CHIP LINE=VALUE}</li>
 *   <li>v2: {@code gpioset --chip CHIP LINE=VALUE}</li>
 * </ul>
 */
public final class GpiodOutput implements OutputLine, AutoCloseable {

    private static final Pattern VERSION = Pattern.compile("\\bv(\\d+)\\.");

    private final ProcessLauncher launcher;
    private final int toolMajor;
    private final String chip;
    private final String line;
    private final boolean inverted;
    private ProcessLauncher.Running holder;

    GpiodOutput(ProcessLauncher launcher, int toolMajor, String chip, String line, boolean inverted) {
        this.launcher = launcher;
        this.toolMajor = toolMajor;
        this.chip = chip;
        this.line = line;
        this.inverted = inverted;
    }

    /** Finds out the installed libgpiod generation and returns the line {@code chip:line}. */
    public static GpiodOutput open(ProcessLauncher launcher, String chip, String line, boolean inverted)
            throws PowerException, InterruptedException {
        if (chip.isBlank() || line.isBlank()) {
            throw new PowerException(PowerException.Reason.UNAVAILABLE, "a GPIO line needs CHIP:LINE, e.g. gpiochip0:17");
        }
        ProcessLauncher.Result version;
        try {
            version = launcher.run(List.of("gpioset", "--version"), Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new PowerException(PowerException.Reason.UNAVAILABLE,
                    "gpioset (libgpiod) is not installed: apt-get install gpiod", e);
        }
        Matcher m = VERSION.matcher(version.output());
        if (version.exitCode() != 0 || !m.find()) {
            throw new PowerException(PowerException.Reason.UNAVAILABLE,
                    "cannot tell the libgpiod version from 'gpioset --version': " + firstLine(version.output()));
        }
        return new GpiodOutput(launcher, Integer.parseInt(m.group(1)), chip, line, inverted);
    }

    /** The argv that drives the line to {@code level} (0 or 1) with this tool generation. */
    List<String> argv(int level) {
        String assignment = line + "=" + level;
        return toolMajor >= 2
                ? List.of("gpioset", "--chip", chip, assignment)
                : List.of("gpioset", "--mode=signal", chip, assignment);
    }

    @Override
    public String name() {
        return chip + ":" + line;
    }

    @Override
    public synchronized void set(boolean active) throws PowerException {
        release();
        try {
            holder = launcher.start(argv(active != inverted ? 1 : 0));
        } catch (IOException e) {
            throw new PowerException(PowerException.Reason.FAILED, "gpioset failed on " + name() + ": " + e.getMessage(), e);
        }
        if (!holder.isAlive()) {
            holder = null;
            throw new PowerException(PowerException.Reason.FAILED,
                    "gpioset exited at once on " + name() + " (wrong chip or line, or the line is busy)");
        }
    }

    private void release() {
        if (holder != null) {
            holder.stop();
            holder = null;
        }
    }

    /** Stops holding the line (the kernel then leaves it as the driver decides). */
    @Override
    public synchronized void close() {
        release();
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
