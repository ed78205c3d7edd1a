package org.mepkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.mepkit.board.BoardOptions;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.util.Scratch;

/**
 * Fresh virtual boards, each in its own folder under one root, seeds counting up from a base. A board's folder goes
 * when its bench closes; the root made by {@link #defaults} (a {@link Scratch}) when the factory closes.
 */
public final class VirtualBenchFactory implements BenchFactory {

    /** The default provisioning of a virtual bench board (test values, not real credentials). */
    public static final FirmwareConfig DEFAULT_NVS = FirmwareConfig.provisioned("mepkit-lab", "lab-wifi-pass-1",
            "Tq8#mLz2Vx4Pw9Rk6Nb3");

    private final BoardOptions template;
    private final String project;
    private final FirmwareConfig nvs;
    private final AtomicInteger count = new AtomicInteger();
    private Path flashTemplate;
    private Scratch scratch;

    public VirtualBenchFactory(BoardOptions template, String project, FirmwareConfig nvs) {
        this.template = template;
        this.project = project;
        this.nvs = nvs;
    }

    public static VirtualBenchFactory defaults(Max3232Profile profile, double timeScale, long seed) throws IOException {
        return defaults(DabblerFirmware.PROJECT, profile, timeScale, seed);
    }

    /** @param firmware {@code dabbler} or {@code spec} */
    public static VirtualBenchFactory defaults(String firmware, Max3232Profile profile, double timeScale, long seed)
            throws IOException {
        Scratch root = Scratch.create("bench");
        VirtualBenchFactory f = new VirtualBenchFactory(new BoardOptions(root.dir(), timeScale, profile, seed, null), firmware, DEFAULT_NVS);
        f.scratch = root;
        return f;
    }

    /** Every board starts from a copy of this flash file (e.g. one that was really flashed) instead of fresh images. */
    public VirtualBenchFactory fromFlash(Path flashFile) {
        this.flashTemplate = flashFile;
        return this;
    }

    public BoardOptions template() {
        return template;
    }

    @Override
    public Bench open() throws IOException {
        int n = count.incrementAndGet();
        BoardOptions o = template;
        BoardOptions options = new BoardOptions(o.directory().resolve("board-" + n), o.timeScale(), o.max3232(),
                o.seed() + n, null);
        if (flashTemplate == null) return VirtualBench.create(options, project, nvs).removingOnClose(options.directory());
        Files.createDirectories(options.directory());
        Files.copy(flashTemplate, options.directory().resolve("flash.bin"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new VirtualBench(org.mepkit.board.VirtualBoard.create(options), nvs, project).removingOnClose(options.directory());
    }

    /** The firmware model and the app image's SHA-256, e.g. {@code dabbler model (upstream firmware as it is), app sha256 1a2b…}. */
    @Override
    public String firmware() {
        String model = DabblerFirmware.PROJECT.equals(project) ? "dabbler model (the upstream firmware as it is)"
                : project + " model (firmware as CONTRACT.md specifies)";
        String hash = org.mepkit.util.Hex.lower(org.mepkit.flash.Sha256.sha256(org.mepkit.board.BoardImages.app(project)));
        return model + ", app image sha256 " + hash.substring(0, 16) + "…";
    }

    @Override
    public java.util.List<String> secrets() {
        return nvs.secrets();
    }

    @Override
    public String describe() {
        return "virtual board (" + project + " firmware, " + template.max3232().name()
                + " MAX3232, time x" + template.timeScale() + ", seed " + template.seed() + ")";
    }

    @Override
    public void close() {
        if (scratch != null) scratch.close();
    }
}
