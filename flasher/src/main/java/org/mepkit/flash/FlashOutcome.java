package org.mepkit.flash;

import java.nio.file.Path;
import java.util.Optional;

import org.mepkit.bootlog.BootLogCapture;
import org.mepkit.esptool.EsptoolRun;

/** What a flash job did: esptool's run, and the boot-log check when one was made. */
public record FlashOutcome(FlashPlan plan, EsptoolRun esptool, Optional<BootLogCapture.BootLog> bootLog,
                           Optional<Path> bootLogFile) {

    /** Passed when esptool verified every region and the boot log (if taken) shows a start. */
    public boolean passed() {
        boolean verified = esptool.hashesVerified() >= plan.regions().size();
        return verified && bootLog.map(b -> b.result().verdict().pass()).orElse(true);
    }

    public String verdict() {
        if (esptool.hashesVerified() < plan.regions().size()) return "unverified";
        return bootLog.map(b -> b.result().verdict().name().toLowerCase(java.util.Locale.ROOT)).orElse("flashed");
    }
}
