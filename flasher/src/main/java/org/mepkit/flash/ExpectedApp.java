package org.mepkit.flash;

import java.util.Optional;

import org.mepkit.bootlog.RunningApp;
import org.mepkit.esp.image.AppDescriptor;
import org.mepkit.esp.partition.Partition;
import org.mepkit.esp.partition.PartitionTable;

/**
 * The app a board should run after a flash, and how to tell from its boot log whether it does.
 *
 * @param boots      the app partition the bootloader will pick: known when otadata was reset or written,
 *                   empty with {@code --keep-otadata} (the board's otadata decides)
 * @param flashed    the app partition the image was written to
 * @param descriptor the flashed image's {@code esp_app_desc_t}
 */
public record ExpectedApp(Optional<Partition> boots, Partition flashed, Optional<AppDescriptor> descriptor) {

    /** Why the running app is not the flashed one, naming what runs; empty when it is, or when the log does not say. */
    public Optional<String> mismatch(RunningApp running, PartitionTable table) {
        boolean otherPartition = running.partitionOffset().isPresent() && running.partitionOffset().getAsLong() != flashed.offset();
        boolean otherApp = descriptor.isPresent() && !sameApp(descriptor.get(), running);
        if (!otherPartition && !otherApp) return Optional.empty();
        String where = running.partitionOffset().isPresent() ? "the app in " + name(table, running.partitionOffset().getAsLong()) : "an app";
        String what = running.identified() ? " (" + running.describe() + ")" : "";
        String cause = otherPartition && boots.isEmpty()
                ? "; --keep-otadata: the board's otadata selects that slot, as after an over-the-air update; flash without it"
                : "";
        return Optional.of("it runs " + where + what + ", not the app flashed to " + name(table, flashed.offset())
                + descriptor.map(d -> " (" + describe(d) + ")").orElse("") + cause);
    }

    private static boolean sameApp(AppDescriptor d, RunningApp r) {
        return r.project().map(d.projectName()::equals).orElse(true)
                && r.version().map(d.version()::equals).orElse(true)
                && r.compiled().map((d.compileDate() + " " + d.compileTime())::equals).orElse(true)
                && r.elfShaPrefix().map(p -> !p.isEmpty() && d.elfSha256Hex().startsWith(p)).orElse(true);
    }

    static String describe(AppDescriptor d) {
        return "'" + d.projectName() + "' " + d.version() + ", built " + d.compileDate() + " " + d.compileTime()
                + ", ELF " + d.elfSha256Hex().substring(0, 16);
    }

    private static String name(PartitionTable table, long offset) {
        return table.startingAt(offset).map(p -> p.name() + String.format(" (0x%x)", offset)).orElse(String.format("0x%x", offset));
    }
}
