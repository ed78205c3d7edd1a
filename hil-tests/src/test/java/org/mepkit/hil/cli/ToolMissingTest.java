package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.board.BoardImages;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.pty.PtyMasterLine;

/** A missing external tool is exit 7 and one line {@code mep: ...} naming it, in every command that needs one. */
class ToolMissingTest {

    @TempDir
    Path dir;

    @Test
    void kicadCliAndEsptoolMissingAreExitSevenWithOneLine() throws Exception {
        Path bin = ChildMep.pathWithout(dir.resolve("bin"), "kicad-cli", "esptool", "esptool.py", "python3", "python");
        Map<String, String> env = Map.of("PATH", bin.toString(), "ESPTOOL", "", "KICAD_CLI", "kicad-cli",
                "HOME", Files.createDirectories(dir.resolve("home")).toString());
        Path hardware = CtrlCTest.repoRoot().resolve("hardware");
        assertSevenOneLine(env, "kicad-cli", "hw", "check", "--hardware", hardware.toString());
        assertSevenOneLine(env, "kicad-cli", "hw", "fab", "--hardware", hardware.toString(), "--out", dir.resolve("fab").toString());

        Path images = Files.createDirectories(dir.resolve("images"));
        Files.write(images.resolve("bootloader.bin"), BoardImages.bootloader());
        Files.write(images.resolve("partitions.bin"), BoardImages.partitionTable());
        Files.write(images.resolve("app.bin"), BoardImages.app(DabblerFirmware.PROJECT));
        try (PtyMasterLine port = PtyMasterLine.open(LineSettings.CONSOLE)) {
            assertSevenOneLine(env, "esptool", "flash", "--port", port.slavePath(),
                    "0x1000=" + images.resolve("bootloader.bin"), "0x8000=" + images.resolve("partitions.bin"),
                    "0x10000=" + images.resolve("app.bin"));
        }
    }

    private void assertSevenOneLine(Map<String, String> env, String tool, String... args) throws Exception {
        try (ChildMep mep = ChildMep.start(dir, env, args)) {
            int code = mep.exitCode(Duration.ofMinutes(1));
            String err = mep.err().strip();
            assertEquals(7, code, String.join(" ", args) + ":\n" + mep.out() + err);
            assertEquals(1, err.lines().count(), String.join(" ", args) + ": " + err);
            assertTrue(err.startsWith("mep: ") && err.contains(tool), err);
        }
    }
}
