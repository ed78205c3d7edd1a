package org.mepkit.bootlog;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a boot log for the ESP32-MEP firmware's start-up markers (board-firmware-behaviour §3) and
 * for crash signs. Pure: text in, {@link Result} out.
 */
public final class BootLogCheck {

    /**
     * The verdict, the line that decided it (redacted text only), the start-up markers seen and which app
     * the log says runs.
     */
    public record Result(BootVerdict verdict, String evidence, List<String> markers, RunningApp running) {
        public Result {
            markers = List.copyOf(markers);
        }

        Result(BootVerdict verdict, String evidence, List<String> markers) {
            this(verdict, evidence, markers, RunningApp.UNKNOWN);
        }

        /** The firmware found no valid settings (no marker key) and erased its NVS partition at this boot. */
        public boolean settingsErased() {
            return markers.contains("Preferences initialized");
        }

        Result withRunning(RunningApp app) {
            return new Result(verdict, evidence, markers, app);
        }
    }

    /** Start-up markers in the order the firmware prints them. */
    public static final List<String> MARKERS = List.of("Preferences are valid|Preferences initialized", "wifi_ssid: ",
            "mep_key: ", "mqtt_pw:", "Setting ENABLE pin 1", "Queued request at index 0|No MEP key set");

    /** Lines after which the boot is complete: capture can stop. */
    static final List<String> SETTLED = List.of("Queued request at index 0", "No MEP key set");

    private BootLogCheck() {
    }

    public static Result check(String log) {
        return verdict(log).withRunning(RunningApp.parse(log));
    }

    private static Result verdict(String log) {
        String[] lines = log.split("\r?\n|\r");
        List<String> seen = new ArrayList<>();
        int resets = 0;
        for (String line : lines) {
            if (line.contains("Brownout detector was triggered")) return new Result(BootVerdict.BROWNOUT, line.strip(), seen);
            if (line.contains("Guru Meditation Error") || line.contains("abort() was called") || line.startsWith("Backtrace:")) {
                return new Result(BootVerdict.CRASHED, line.strip(), seen);
            }
            if (line.contains("invalid header: 0xffffffff") || (line.contains("(nothing flashed here?)") && !appFaults(log))) {
                return new Result(BootVerdict.BLANK, line.strip(), seen);
            }
            if (line.contains("invalid header") || line.contains("flash read err")) {
                return new Result(BootVerdict.BOOT_LOOP, line.strip(), seen);
            }
            if (line.contains("waiting for download")) return new Result(BootVerdict.DOWNLOAD_MODE, line.strip(), seen);
            if (line.startsWith("rst:")) {
                resets++;
                if (resets > 1) return new Result(BootVerdict.BOOT_LOOP, line.strip(), seen);
            }
            for (String marker : MARKERS) {
                for (String alt : marker.split("\\|")) {
                    if (line.startsWith(alt) && !seen.contains(alt.strip())) seen.add(alt.strip());
                }
            }
        }
        if (log.isBlank()) return new Result(BootVerdict.SILENT, "", seen);
        boolean prefs = seen.contains("Preferences are valid") || seen.contains("Preferences initialized");
        boolean config = seen.contains("mep_key:");
        if (prefs && config) return new Result(BootVerdict.STARTED, seen.get(seen.size() - 1), seen);
        return new Result(BootVerdict.INCOMPLETE, "markers seen: " + seen, seen);
    }

    /** The bootloader found an app it refused (wrong chip, bad checksum or hash): not a blank flash, a bad one. */
    private static boolean appFaults(String log) {
        return log.contains("mismatch chip ID") || log.contains("Checksum failed") || log.contains("hash failed")
                || log.contains("esp_image: image at") && log.contains(" is invalid");
    }

    /** True once the log holds a line after which the firmware has finished starting, or a crash sign. */
    static boolean finished(String log) {
        for (String s : SETTLED) if (log.contains(s)) return true;
        BootVerdict v = check(log).verdict();
        return v == BootVerdict.CRASHED || v == BootVerdict.BOOT_LOOP || v == BootVerdict.BROWNOUT || v == BootVerdict.DOWNLOAD_MODE
                || v == BootVerdict.BLANK;
    }
}
