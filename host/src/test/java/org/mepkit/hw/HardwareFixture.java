package org.mepkit.hw;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Locates the repository's hardware folder and KiCad for the tests that read the real boards. */
public final class HardwareFixture {

    private HardwareFixture() {
    }

    public static Path hardware() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("hardware/variants.json"))) return p.resolve("hardware");
        }
        throw new IllegalStateException("hardware/ not found above " + Path.of("").toAbsolutePath());
    }

    /** kicad-cli, or the test is skipped (CI installs KiCad 9 with hardware/tools/install-kicad.sh). */
    public static KicadCli kicad() {
        KicadCli cli = new KicadCli();
        Assumptions.assumeTrue(cli.available(), "kicad-cli 9 is not installed");
        return cli;
    }

    static Netlist exportNetlist(Board b, Path work) {
        return new Gates(kicad()).netlist(b, work);
    }
}
