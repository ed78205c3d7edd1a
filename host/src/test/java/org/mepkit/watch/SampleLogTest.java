package org.mepkit.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.watch.guard.MeterRating;
import org.mepkit.watch.guard.SpikeGuard;

class SampleLogTest {

    @TempDir
    Path dir;

    private final SpikeGuard guard = new SpikeGuard(MeterRating.DEFAULT);
    private long n;

    private Sample sample(long wh) {
        n++;
        return new Sample(n, TestReadings.reading(wh), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), n * 300_000_000L,
                guard.check(TestReadings.reading(wh), n * 300_000_000L));
    }

    @Test
    @DisplayName("the extension picks the format; anything else is refused with the accepted ones")
    void formatByExtension() {
        assertEquals(SampleLog.Format.CSV, SampleLog.formatOf(Path.of("a.CSV")));
        assertEquals(SampleLog.Format.JSON_LINES, SampleLog.formatOf(Path.of("a.jsonl")));
        assertEquals(SampleLog.Format.JSON_LINES, SampleLog.formatOf(Path.of("a.ndjson")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleLog.formatOf(Path.of("a.txt")));
        assertTrue(e.getMessage().contains(".csv"), e.getMessage());
    }

    @Test
    @DisplayName("CSV: a header once, one line per sample with its verdict, appended across runs")
    void csvAppends() throws Exception {
        Path f = dir.resolve("s.csv");
        try (SampleLog log = SampleLog.open(f)) {
            log.append(sample(1000));
            log.append(sample(1001));
        }
        try (SampleLog log = SampleLog.open(f)) {
            assertFalse(log.repairedPartialLine());
            log.append(sample(0));
        }
        assertEquals(String.join(",", SampleLog.COLUMNS), Files.readAllLines(f).get(0));
        SampleLog.Contents c = SampleLog.read(f);
        assertEquals(0, c.skippedLines());
        assertEquals(java.util.List.of("confirming", "accepted", "held"), c.records().stream().map(r -> r.get("status")).toList());
        assertTrue(c.records().get(2).get("reason").contains("went back"), c.records().get(2).toString());
        assertEquals("1001", c.records().get(1).get("fwd_act_wh"));
    }

    @Test
    @DisplayName("a line cut short is ended at the next open and skipped on reading, CSV (by its CRC) and JSON lines")
    void cutLine() throws Exception {
        for (String name : new String[] {"s.csv", "s.jsonl"}) {
            Path f = dir.resolve(name);
            try (SampleLog log = SampleLog.open(f)) {
                log.append(sample(1000));
                log.append(sample(1001));
            }
            String text = Files.readString(f);
            Files.writeString(f, text.substring(0, text.length() - 7));   // the end of the last number and the CRC are gone
            try (SampleLog log = SampleLog.open(f)) {
                assertTrue(log.repairedPartialLine(), name);
                log.append(sample(1002));
            }
            SampleLog.Contents c = SampleLog.read(f);
            assertEquals(1, c.skippedLines(), name);
            assertEquals(2, c.records().size(), name);
        }
    }

    @Test
    @DisplayName("a CSV file with other columns is not appended to")
    void foreignCsv() throws Exception {
        Path f = dir.resolve("other.csv");
        Files.writeString(f, "a,b,c\n1,2,3\n");
        assertThrows(IllegalArgumentException.class, () -> SampleLog.open(f));
        assertEquals("a,b,c\n1,2,3\n", Files.readString(f));
    }
}
