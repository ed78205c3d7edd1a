package org.mepkit.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchLogTest {

    @TempDir
    Path dir;

    private static BatchRecord record(String mac) {
        return new BatchRecord("2026-11-25T20:00:00Z", "/dev/ttyUSB0", "A50285BI", mac, "ab".repeat(32),
                List.of("esp32-mep", "mep_key"), "started", "boot.log", null);
    }

    @Test
    void appendsOneJsonLinePerBoardAndReadsThemBack() throws Exception {
        BenchLog log = new BenchLog(dir.resolve("sub/bench.jsonl"));
        log.append(record("24:0a:c4:00:00:01"));
        log.append(record("24:0a:c4:00:00:02"));
        assertEquals(List.of(record("24:0a:c4:00:00:01"), record("24:0a:c4:00:00:02")), log.read());
        assertEquals(2, Files.readAllLines(dir.resolve("sub/bench.jsonl")).size());
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheNextRecordStartsOnItsOwnLine() throws Exception {
        Path file = dir.resolve("bench.jsonl");
        BenchLog log = new BenchLog(file);
        log.append(record("24:0a:c4:00:00:01"));
        Files.writeString(file, "{\"time\":\"2026-11-25T20:01", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        log.append(record("24:0a:c4:00:00:03"));
        assertEquals(List.of(record("24:0a:c4:00:00:01"), record("24:0a:c4:00:00:03")), log.read());
    }
}
