package org.mepkit.board;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.mepkit.board.boot.BootResult;
import org.mepkit.board.boot.BootRom;
import org.mepkit.board.boot.ResetReason;
import org.mepkit.board.firmware.BoardIo;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.board.firmware.FirmwareModel;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.board.rom.ChipIdentity;
import org.mepkit.esp.image.AppDescriptor;
import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsImageWriter;
import org.mepkit.esp.partition.Partition;
import org.mepkit.recovery.RecoveryPolicy;

/**
 * A normal boot (J7 open): the ROM and bootloader output from {@link BootRom}, the preferences from the
 * NVS partition, and the firmware model chosen by the flashed app's project name.
 */
final class BootSequence {

    /** How a boot ended: a running model, a boot loop to retry as {@code retryAs}, or no model ({@code problem}). */
    record Outcome(FirmwareModel model, String problem, ResetReason retryAs) {
        boolean looping() {
            return retryAs != null;
        }
    }

    private final VirtualFlash flash;
    private final ChipIdentity chip;
    private final ScaledTicker ticker;
    private final Console console;
    private final BoardIo io;
    private final Random garbage;

    BootSequence(VirtualFlash flash, ChipIdentity chip, ScaledTicker ticker, Console console, BoardIo io, Random garbage) {
        this.flash = flash;
        this.chip = chip;
        this.ticker = ticker;
        this.console = console;
        this.io = io;
        this.garbage = garbage;
    }

    Outcome boot(ResetReason reason) {
        BootResult result = BootRom.boot(flash, chip, reason);
        result.consoleLines().forEach(console::println);
        if (result instanceof BootResult.BootLoop loop) {
            return new Outcome(null, loop.reason(), loop.nextReset());
        }
        BootResult.Booted booted = (BootResult.Booted) result;
        booted.descriptor().ifPresent(this::printAppInformation);
        String project = booted.descriptor().map(d -> d.projectName()).orElse("");
        FirmwareConfig config = readPreferences(booted);
        if (DabblerFirmware.PROJECT.equals(project) || VirtualBoard.UPSTREAM_PROJECT.equals(project)) {
            return new Outcome(new DabblerFirmware(ticker, io, config, garbage), null, null);
        }
        if (DabblerFirmware.SPEC_PROJECT.equals(project)) {
            return new Outcome(DabblerFirmware.spec(ticker, io, config, garbage, RecoveryPolicy.DEFAULT), null, null);
        }
        String problem = "no firmware model for app project '" + project + "'";
        console.println("E (" + (ticker.nanoTime() / 1_000_000L % 1000) + ") mepkit twin: " + problem);
        return new Outcome(null, problem, null);
    }

    /**
     * What an ESP-IDF app logging at INFO prints about itself before {@code app_main} (the twin's bootloader logs at
     * INFO too); the upstream Arduino images have these lines compiled out, so a real board may print neither.
     */
    private void printAppInformation(AppDescriptor d) {
        long ms = 200 + ticker.nanoTime() / 1_000_000L % 50;
        String tag = "I (" + ms + ") cpu_start: ";
        console.println(tag + "Application information:");
        console.println(tag + "Project name:     " + d.projectName());
        console.println(tag + "App version:      " + d.version());
        console.println(tag + "Compile time:     " + d.compileDate() + " " + d.compileTime());
        console.println(tag + "ELF file SHA256:  " + d.elfSha256Hex().substring(0, 16) + "...");
        console.println(tag + "ESP-IDF:          " + d.idfVersion());
    }

    /** The NVS partition through the flasher's reader; a missing marker erases it, as the firmware does. */
    private FirmwareConfig readPreferences(BootResult.Booted booted) {
        Partition nvs = booted.table().nvs().orElse(null);
        if (nvs == null) return FirmwareConfig.factory();
        byte[] image = flash.read((int) nvs.offset(), (int) nvs.size());
        Optional<FirmwareConfig> config = NvsSettings.read(image);
        if (config.isPresent()) return config.get();
        flash.erase((int) nvs.offset(), (int) nvs.size());
        flash.write((int) nvs.offset(), NvsImageWriter.write(FirmwareNvs.entries(Map.of()), (int) nvs.size()));
        flash.flush();
        return FirmwareConfig.factory();
    }
}
