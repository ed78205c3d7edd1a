package org.mepkit.cli.option;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An interval or timeout on the command line: a number with a unit, {@code 500ms}, {@code 2s},
 * {@code 1.5s}, {@code 5m}, {@code 1h} (docs/cli-grammar.md). A bare number is refused: its unit
 * would be a guess.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String text) {
        return parse(text, null);
    }

    /**
     * @param bareUnit the unit of a number given without one (an old option's unit), or null to refuse it
     * @throws TypeConversionException naming the accepted forms
     */
    public static Duration parse(String text, ChronoUnit bareUnit) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(2) == null && bareUnit == null)) {
            throw new TypeConversionException("'" + text + "' is not a duration: give a number with a unit, e.g. 500ms, 2s, 5m, 1h");
        }
        double value = Double.parseDouble(m.group(1));
        double nanosPerUnit = m.group(2) == null ? bareUnit.getDuration().toNanos() : switch (m.group(2)) {
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        double nanos = value * nanosPerUnit;
        if (nanos > Long.MAX_VALUE) throw new TypeConversionException("'" + text + "' is too long a duration");
        return Duration.ofNanos(Math.round(nanos));
    }

    /** {@code 2s}, {@code 500ms}, {@code 5m}: the shortest exact form, for help texts and messages. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
