package org.mepkit.report;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mepkit.cli.MepVersion;

/**
 * What every report says about itself: when it was made, by which mepkit (version and commit), on which host,
 * about which board and which firmware. A report read months later, or next to another board's, must tell them apart.
 *
 * @param date     when the run started
 * @param mepkit   {@link MepVersion#current()}
 * @param host     the host name
 * @param board    the board (or jig) the report is about
 * @param firmware the firmware identity the board ran (model, image hash), or what is known of it
 */
public record ReportInfo(Instant date, String mepkit, String host, String board, String firmware) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    /** Now, this build, this host. */
    public static ReportInfo now(String board, String firmware) {
        return new ReportInfo(Instant.now().truncatedTo(ChronoUnit.SECONDS), MepVersion.current(), hostName(), board, firmware);
    }

    public ReportInfo withBoard(String newBoard, String newFirmware) {
        return new ReportInfo(date, mepkit, host, newBoard, newFirmware);
    }

    /** The date in the local zone with its offset, e.g. {@code 2026-12-02 20:29:22 +00:00}. */
    public String dateText() {
        return SHOWN.format(date.atZone(ZoneId.systemDefault()));
    }

    /** Label to value, in the order reports show them. */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", dateText());
        m.put("mepkit", mepkit);
        m.put("host", host);
        m.put("board", board);
        m.put("firmware", firmware);
        return m;
    }

    public static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) return name;
        } catch (IOException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
