package org.mepkit.flash;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.mepkit.bootlog.BootLogCapture;
import org.mepkit.bootlog.BootVerdict;
import org.mepkit.esptool.EsptoolRun;

/**
 * What a flash job did: esptool's run, and the boot-log check when one was made. The verdict is the boot
 * log's, sharpened by what mepkit knows about the flash: the board running another app than the one written
 * ({@code wrong_app}), the firmware erasing the NVS image just written ({@code settings_erased}), and a chip
 * esptool could not reset ({@code not_reset}, instead of a misleading {@code silent}).
 */
public record FlashOutcome(FlashPlan plan, EsptoolRun esptool, Optional<BootLogCapture.BootLog> bootLog,
                           Optional<Path> bootLogFile) {

    /** Passed when esptool verified every region and the boot log (if taken) shows the flashed app started. */
    public boolean passed() {
        String v = verdict();
        return v.equals("started") || v.equals("flashed");
    }

    public String verdict() {
        if (esptool.hashesVerified() < plan.regions().size()) return "unverified";
        if (bootLog.isEmpty()) return "flashed";
        var result = bootLog.get().result();
        BootVerdict v = result.verdict();
        if ((v == BootVerdict.SILENT || v == BootVerdict.DOWNLOAD_MODE) && esptool.chipNotReset()) return "not_reset";
        if (v != BootVerdict.STARTED) return v.name().toLowerCase(Locale.ROOT);
        if (wrongApp().isPresent()) return "wrong_app";
        if (plan.writesNvs() && result.settingsErased()) return "settings_erased";
        return "started";
    }

    /** One line for people: what the verdict means on this board. */
    public String explanation() {
        String v = verdict();
        return switch (v) {
            case "unverified" -> "esptool did not verify every region it wrote";
            case "flashed" -> "written and verified; the boot log was not checked";
            case "not_reset" -> "esptool could not reset the chip (the port has no DTR/RTS reset lines; J5 has none): "
                    + "it is still in its loader; remove the J7 1-2 program jumper and power-cycle the board";
            case "wrong_app" -> "the board does not run the app just flashed: " + wrongApp().orElseThrow();
            case "settings_erased" -> "the firmware found no valid settings in the NVS image written (" + plan.nvsSource().orElse("nvs")
                    + ") and erased its whole NVS partition at boot (\"Preferences initialized\")";
            default -> {
                BootVerdict bv = bootLog.orElseThrow().result().verdict();
                String evidence = bootLog.get().result().evidence();
                yield bv.meaning() + (bv.pass() || evidence.isEmpty() || bv == BootVerdict.INCOMPLETE ? "" : " (" + evidence + ")")
                        + (bv.pass() ? identification() : "");
            }
        };
    }

    /** How the started app was recognised, or that the log does not say. */
    private String identification() {
        var running = bootLog.orElseThrow().result().running();
        if (!running.identified() && running.partitionOffset().isEmpty()) {
            return " (the boot log does not name the running app: its bootloader and app log below INFO)";
        }
        return plan.expectedApp().map(e -> " - " + e.descriptor().map(d -> ExpectedApp.describe(d) + " ").orElse("")
                + String.format("from %s (0x%x)", e.flashed().name(), e.flashed().offset())).orElse("");
    }

    /** Why the running app is not the flashed one, when the boot log says so. */
    public Optional<String> wrongApp() {
        if (bootLog.isEmpty()) return Optional.empty();
        var running = bootLog.get().result().running();
        return plan.expectedApp().flatMap(e -> e.mismatch(running, plan.table()));
    }
}
