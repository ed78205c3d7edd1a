package org.mepkit.esptool;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one line of esptool v4 or v5 output (non-TTY, {@code NO_COLOR=1}) into an event. Lines it
 * does not know give nothing: esptool prints many informational lines a wrapper can ignore.
 */
public final class EsptoolOutputParser {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    private static final Pattern BANNER = Pattern.compile("^esptool(?:\\.py)? v\\d+\\.\\d+.*");
    private static final Pattern CHIP_V5 = Pattern.compile("^Chip type:\\s+(.+)$");
    private static final Pattern CHIP_V4 = Pattern.compile("^Chip is (.+)$");
    private static final Pattern MAC = Pattern.compile("^MAC:\\s+([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})\\s*$");
    private static final Pattern ERASE = Pattern.compile("^Flash will be erased from 0x([0-9a-fA-F]+) to 0x([0-9a-fA-F]+)");
    private static final Pattern PROGRESS_V5 = Pattern.compile(
            "^Writing at 0x([0-9a-fA-F]+) \\[[=> ]*\\]\\s+([0-9.]+)% (\\d+)/(\\d+) bytes\\.\\.\\.");
    private static final Pattern PROGRESS_V4 = Pattern.compile("^Writing at 0x([0-9a-fA-F]+)\\.\\.\\. \\((\\d+) %\\)");
    private static final Pattern WROTE = Pattern.compile(
            "^Wrote (\\d+) bytes(?: \\((\\d+) compressed\\))? at 0x([0-9a-fA-F]+) in ([0-9.]+) seconds(?: \\((?:effective )?([0-9.]+) kbit/s\\))?");
    private static final Pattern FATAL = Pattern.compile("^A fatal error occurred: (.+)$");
    private static final Pattern SERIAL = Pattern.compile("^A serial exception error occurred: (.+)$");

    private EsptoolOutputParser() {
    }

    /** Removes colour and cursor codes and the carriage returns of progress lines. */
    public static String clean(String line) {
        return ANSI.matcher(line).replaceAll("").replace("\r", "").strip();
    }

    public static Optional<EsptoolEvent> parse(String rawLine) {
        String line = clean(rawLine);
        if (line.isEmpty()) return Optional.empty();
        Matcher m;
        if (BANNER.matcher(line).matches()) {
            return EsptoolVersion.parse(line).map(EsptoolEvent.Banner::new);
        }
        if (line.startsWith("Connecting...")) return Optional.of(new EsptoolEvent.Connecting());
        if ((m = CHIP_V5.matcher(line)).matches() || (m = CHIP_V4.matcher(line)).matches()) {
            return Optional.of(new EsptoolEvent.ChipDetected(m.group(1)));
        }
        if ((m = MAC.matcher(line)).matches()) return Optional.of(new EsptoolEvent.Mac(m.group(1).toLowerCase(Locale.ROOT)));
        if ((m = ERASE.matcher(line)).find()) {
            return Optional.of(new EsptoolEvent.EraseRange(Long.parseLong(m.group(1), 16), Long.parseLong(m.group(2), 16)));
        }
        if ((m = PROGRESS_V5.matcher(line)).find()) {
            return Optional.of(new EsptoolEvent.Progress(Long.parseLong(m.group(1), 16), Double.parseDouble(m.group(2)),
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
        }
        if ((m = PROGRESS_V4.matcher(line)).find()) {
            return Optional.of(new EsptoolEvent.Progress(Long.parseLong(m.group(1), 16), Integer.parseInt(m.group(2)), -1, -1));
        }
        if ((m = WROTE.matcher(line)).find()) {
            return Optional.of(new EsptoolEvent.Written(Long.parseLong(m.group(1)),
                    m.group(2) == null ? -1 : Long.parseLong(m.group(2)), Long.parseLong(m.group(3), 16),
                    Double.parseDouble(m.group(4)), m.group(5) == null ? -1 : Double.parseDouble(m.group(5))));
        }
        if (line.equals("Hash of data verified.")) return Optional.of(new EsptoolEvent.HashVerified());
        if (line.startsWith("Hard resetting") || line.startsWith("Soft resetting") || line.startsWith("Staying in")) {
            return Optional.of(new EsptoolEvent.Reset(line));
        }
        if ((m = FATAL.matcher(line)).matches() || (m = SERIAL.matcher(line)).matches()) {
            return Optional.of(new EsptoolEvent.Fatal(m.group(1)));
        }
        if (line.startsWith("Warning:") || line.startsWith("WARNING:") || line.startsWith("Note:")) {
            return Optional.of(new EsptoolEvent.Warning(line));
        }
        return Optional.empty();
    }
}
