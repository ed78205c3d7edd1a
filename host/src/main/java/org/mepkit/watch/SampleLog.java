package org.mepkit.watch;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.mepkit.cli.option.JsonKeys;
import org.mepkit.mep.table.PresentValue;
import org.mepkit.util.Csv;

/**
 * {@code mep watch --log FILE}: one line per sample, CSV ({@code .csv}) or JSON lines ({@code .jsonl},
 * {@code .ndjson}, {@code .json}), appended and never rewritten. Each line goes to the operating system in one
 * {@code write} as soon as the sample is taken (no buffer in between; not fsync'ed, which would wear out an SD
 * card at several samples a second, so a power cut may lose the last seconds), so a watcher killed with SIGKILL leaves at most
 * its last line cut short; the next start finds such a line (the file does not end with a newline), ends it
 * so the next sample starts on a line of its own, and says so. {@link #read} skips such cut lines: a JSON
 * line that does not parse, a CSV line whose last column, the CRC-32 of the text before it, is missing or
 * does not match.
 */
public final class SampleLog implements AutoCloseable {

    public enum Format { CSV, JSON_LINES }

    /**
     * The CSV columns: when, the guard's verdict, the energy registers, every BT28 value mepkit knows, and
     * {@code crc32} of the line before it (8 hex digits), which tells a complete line from one cut short.
     */
    public static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("time", "sample", "status", "reason", "fwd_act_wh", "rev_act_wh"));
        for (PresentValue pv : PresentValue.values()) c.add(JsonKeys.snake(pv.jsonName()));
        c.add("crc32");
        COLUMNS = List.copyOf(c);
    }

    private final Path file;
    private final Format format;
    private final FileOutputStream channel;
    private final boolean repairedPartialLine;

    private SampleLog(Path file, Format format, FileOutputStream channel, boolean repaired) {
        this.file = file;
        this.format = format;
        this.channel = channel;
        this.repairedPartialLine = repaired;
    }

    /** The format for a file name; throws IllegalArgumentException for an extension it does not know. */
    public static Format formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return Format.CSV;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) return Format.JSON_LINES;
        throw new IllegalArgumentException("--log " + file + ": the name must end in .csv (CSV) or .jsonl, .ndjson, .json (JSON lines)");
    }

    /**
     * Opens {@code file} for appending (creating it, with the CSV header for a new CSV file).
     *
     * @throws IllegalArgumentException for an unknown extension or a CSV file whose header is not ours
     */
    public static SampleLog open(Path file) throws IOException {
        Format format = formatOf(file);
        // a stream, not a FileChannel: Ctrl-C interrupts the watcher thread, and an interrupt closes a channel
        FileOutputStream channel = new FileOutputStream(file.toFile(), true);
        try {
            long size = Files.size(file);
            boolean repaired = false;
            if (size > 0) {
                if (format == Format.CSV) checkHeader(file);
                if (lastByte(file, size) != '\n') {
                    write(channel, "\n");
                    repaired = true;
                }
            } else if (format == Format.CSV) {
                write(channel, String.join(",", COLUMNS) + "\n");
            }
            return new SampleLog(file, format, channel, repaired);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static int lastByte(Path file, long size) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, size - 1);
            return last.get(0);
        }
    }

    private static void checkHeader(Path file) throws IOException {
        String first;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            first = lines.findFirst().orElse("");
        }
        if (!first.equals(String.join(",", COLUMNS))) {
            throw new IllegalArgumentException("--log " + file + " is a CSV file with other columns than mep watch writes");
        }
    }

    public Path file() {
        return file;
    }

    public Format format() {
        return format;
    }

    /** True when opening found a line cut short by a kill and ended it. */
    public boolean repairedPartialLine() {
        return repairedPartialLine;
    }

    /** Appends one line for {@code sample}, handed to the operating system at once. */
    public void append(Sample sample) throws IOException {
        write(channel, line(sample));
    }

    String line(Sample sample) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", sample.readAt().toString());
        row.put("sample", sample.number());
        row.put("status", sample.status());
        row.put("reason", sample.verdict().reason());
        row.putAll(sample.values());
        if (format == Format.JSON_LINES) {
            try {
                return JsonKeys.MAPPER.writeValueAsString(row) + "\n";
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String column : COLUMNS.subList(0, COLUMNS.size() - 1)) {
            Object v = row.get(column);
            if (v != null) sb.append(Csv.cell(v.toString()));
            sb.append(',');
        }
        return sb.append(crc(sb)).append('\n').toString();
    }

    private static String crc(CharSequence text) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    private static void write(FileOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** What {@link #read} found: the complete records and the number of lines skipped as cut short. */
    public record Contents(List<Map<String, String>> records, int skippedLines) { }

    /** Reads a log back: every complete record (column or key to text), skipping lines cut short. */
    public static Contents read(Path file) throws IOException {
        Format format = formatOf(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Map<String, String>> records = new ArrayList<>();
        int skipped = 0;
        for (int i = format == Format.CSV ? 1 : 0; i < lines.size(); i++) {
            Map<String, String> r = format == Format.CSV ? csvRecord(lines.get(i)) : jsonRecord(lines.get(i));
            if (r == null) skipped++;
            else records.add(r);
        }
        return new Contents(records, skipped);
    }

    private static Map<String, String> jsonRecord(String line) {
        try {
            JsonNode node = JsonKeys.MAPPER.readTree(line);
            if (node == null || !node.isObject() || !node.has("status")) return null;
            Map<String, String> m = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            return m;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Map<String, String> csvRecord(String line) {
        List<String> cells = Csv.parseLine(line);
        if (cells == null || cells.size() != COLUMNS.size()) return null;
        String crc = cells.get(cells.size() - 1);
        if (!crc.equals(crc(line.substring(0, line.length() - crc.length())))) return null;
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) m.put(COLUMNS.get(i), cells.get(i));
        return m;
    }
}
