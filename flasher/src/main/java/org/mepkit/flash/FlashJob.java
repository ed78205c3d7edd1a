package org.mepkit.flash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

import org.mepkit.bootlog.BootLogCapture;
import org.mepkit.esptool.Esptool;
import org.mepkit.esptool.EsptoolEvent;
import org.mepkit.esptool.EsptoolRun;
import org.mepkit.esptool.EsptoolRunner;
import org.mepkit.esptool.WriteFlashArgs;
import org.mepkit.report.Redactor;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.Ticker;

/**
 * Runs a checked {@link FlashPlan}: one esptool {@code write_flash} for all regions, then (unless
 * disabled) opens the console at 115200 and captures the boot log, redacted, into a file.
 */
public final class FlashJob {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final EsptoolRunner runner;
    private final Esptool esptool;
    private final PortOpener opener;
    private final Ticker ticker;

    public FlashJob(EsptoolRunner runner, Esptool esptool, PortOpener opener, Ticker ticker) {
        this.runner = runner;
        this.esptool = esptool;
        this.opener = opener;
        this.ticker = ticker;
    }

    /** The argv esptool will get for this plan. */
    public java.util.List<String> argv(FlashPlan plan, FlashSettings s) {
        return new WriteFlashArgs(plan.board().chip().esptoolName(), s.port(), s.baud(), s.bootMode(),
                s.connectAttempts(), s.eraseAll(), plan.esptoolRegions(), s.noStub()).argv(esptool);
    }

    /**
     * @param secrets       values to hide in the stored boot log (the provisioned passwords and key)
     * @param beforeBootLog called between flashing and the capture (to tell the user to remove J7 and power up)
     */
    public FlashOutcome run(FlashPlan plan, FlashSettings s, Collection<String> secrets, Consumer<EsptoolEvent> events,
                            Runnable beforeBootLog) throws InterruptedException, SerialException {
        return run(plan, s, secrets, events, (Consumer<EsptoolRun>) r -> beforeBootLog.run());
    }

    /** As above; {@code beforeBootLog} sees esptool's run (to tell the user what to do about a chip it could not reset). */
    public FlashOutcome run(FlashPlan plan, FlashSettings s, Collection<String> secrets, Consumer<EsptoolEvent> events,
                            Consumer<EsptoolRun> beforeBootLog) throws InterruptedException, SerialException {
        EsptoolRun run = runner.run(argv(plan, s), events);
        if (s.bootLogLimit().isZero()) return new FlashOutcome(plan, run, Optional.empty(), Optional.empty());
        beforeBootLog.accept(run);
        BootLogCapture.BootLog log;
        try (SerialLine line = opener.open(s.port(), LineSettings.CONSOLE)) {
            log = new BootLogCapture(ticker, Redactor.firmware().withSecrets(secrets)).capture(line, s.bootLogLimit());
        }
        Path file = store(s.logDir(), run.mac().orElse("unknown-mac"), log.text());
        return new FlashOutcome(plan, run, Optional.of(log), Optional.of(file));
    }

    private static Path store(Path dir, String mac, String redactedText) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("boot-" + mac.replace(':', '-') + "-" + STAMP.format(Instant.now()) + ".log");
            // redacted, yet owner-only: a secret the redactor did not know may still be in it
            org.mepkit.util.PrivateFiles.write(file, redactedText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the boot log in " + dir, e);
        }
    }
}
