package org.mepkit.flash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.mepkit.cli.option.JsonKeys;

/**
 * The bench log: one JSON object per line, appended and forced to disk per board, so a crash or
 * power cut loses at most the board being flashed. A torn last line (from such a crash) is skipped
 * when reading.
 */
public final class BenchLog {

    /** snake_case keys, like every JSON mep writes (docs/cli-grammar.md). */
    private static final ObjectMapper JSON = JsonKeys.MAPPER;

    private final Path file;

    public BenchLog(Path file) {
        this.file = file;
    }

    public void append(BatchRecord record) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long end = ch.size();
                if (end > 0 && !endsWithNewline(ch)) {
                    ch.write(ByteBuffer.wrap(new byte[] {'\n'}), end);
                    end++;
                }
                ch.write(ByteBuffer.wrap(line), end);
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the bench log " + file, e);
        }
    }

    public List<BatchRecord> read() {
        List<BatchRecord> records = new ArrayList<>();
        if (!Files.exists(file)) return records;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    records.add(JSON.readValue(line, BatchRecord.class));
                } catch (IOException torn) {
                    // a line cut short by a crash: skip it, the records before and after are intact
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static boolean endsWithNewline(FileChannel ch) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, ch.size() - 1);
        return last.get(0) == '\n';
    }
}
