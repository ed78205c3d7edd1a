package org.mepkit.cli.command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mepkit.cli.option.OutputOptions;
import org.mepkit.mep.table.TableField;
import org.mepkit.reading.Reading;

/** How {@code mep read} prints a {@link Reading}, whichever port it came from: aligned name/value lines, or one JSON object. */
final class ReadingOutput {

    private ReadingOutput() {
    }

    /** Prints the reading, then {@code linkLine} (text only, when not null). */
    static void print(PrintWriter out, Reading reading, boolean json, String linkLine) {
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>(reading.toJson());
            object.put("units", reading.units());
            OutputOptions.printJson(out, object);
            return;
        }
        int width = reading.fields().stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (TableField field : reading.fields()) {
            out.printf("%-" + width + "s  %s%n", field.name(), field.valueText());
        }
        if (linkLine != null) out.println(linkLine);
        out.flush();
    }
}
